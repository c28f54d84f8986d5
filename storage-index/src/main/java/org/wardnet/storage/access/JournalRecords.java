package org.wardnet.storage.access;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;
import org.wardnet.core.audit.AuditEntry;

/**
 * How an audit entry is laid out in the journal: a header of two words, the payload's layout (top
 * byte) and length, and the CRC32C of the payload (and, from layout 2 on, of the layout byte), then
 * the payload. Layout 1 (length word's top byte 0): number, time, result, then seven texts, each as
 * its UTF-8 length (-1 for none) and bytes, the hashes as hex text. Layout 2 ({@link CompactPayload}),
 * written since: the same entry in about two thirds of the bytes. Both are read. A record whose
 * layout is unknown, whose length is out of bounds or whose checksum does not match ends the
 * readable part of a file.
 */
final class JournalRecords {

    /** No real entry comes near this (its columns hold under 3,000 characters); a larger length is damage. */
    static final int MAX_PAYLOAD = 64 * 1024;
    private static final int HEADER = 8;
    private static final int TEXT_LAYOUT = 1;
    private static final int TEXT_MIN_LENGTH = 20;

    private JournalRecords() {
    }

    /** An entry's texts encoded once, and the layout they go into. */
    private record Encoded(int layout, byte[][] texts, int payload) {
    }

    private static Encoded encoded(AuditEntry e) {
        if (CompactPayload.fits(e)) {
            byte[][] texts = CompactPayload.texts(e);
            return new Encoded(CompactPayload.LAYOUT, texts, CompactPayload.length(texts));
        }
        byte[][] texts = new byte[][] {bytes(e.actor()), bytes(e.scope()), bytes(e.address()), bytes(e.action()),
            bytes(e.target()), bytes(e.previousHash()), bytes(e.hash())};
        int payload = 8 + 8 + 4;
        for (byte[] text : texts) {
            payload += 4 + (text == null ? 0 : text.length);
        }
        return new Encoded(TEXT_LAYOUT, texts, payload);
    }

    private static void put(AuditEntry e, Encoded encoded, ByteBuffer out) {
        int start = out.position();
        boolean compact = encoded.layout() == CompactPayload.LAYOUT;
        out.putInt(compact ? CompactPayload.LAYOUT << 24 | encoded.payload() : encoded.payload()).putInt(0);
        if (compact) {
            CompactPayload.put(e, encoded.texts(), out);
        } else {
            out.putLong(e.seq()).putLong(e.at().toEpochMilli()).putInt(e.result());
            for (byte[] text : encoded.texts()) {
                out.putInt(text == null ? -1 : text.length);
                if (text != null) {
                    out.put(text);
                }
            }
        }
        out.putInt(start + 4, checksum(out.array(), start + HEADER, encoded.payload(), encoded.layout()));
    }

    /** The CRC32C of a payload; from layout 2 on it covers the layout byte too, so a flipped layout is damage. */
    private static int checksum(byte[] bytes, int from, int length, int layout) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, from, length);
        if (layout != TEXT_LAYOUT) {
            crc.update(layout);
        }
        return (int) crc.getValue();
    }

    /** Told of each record read: its entry, and where in the file the record starts and how long it is. */
    interface Visitor {
        void record(AuditEntry entry, long offset, int length);
    }

    /**
     * Reads records from the start of {@code in} until its end or the first record that does not
     * hold, handing each entry to {@code each} (when not null); returns where the whole records end.
     */
    static long readAll(FileChannel in, Visitor each) throws IOException {
        ByteBuffer chunk = ByteBuffer.allocate(1 << 20);
        long consumed = 0;
        in.position(0);
        while (true) {
            int read = in.read(chunk);
            chunk.flip();
            int length;
            while ((length = wholeRecord(chunk)) > 0) {
                AuditEntry entry = decode(chunk, chunk.position(), length);
                if (entry == null) {
                    return consumed;
                }
                if (each != null) {
                    each.record(entry, consumed, length);
                }
                chunk.position(chunk.position() + length);
                consumed += length;
            }
            if (length == DAMAGED || read < 0) {
                return consumed;
            }
            chunk.compact();
        }
    }

    /** Entries as consecutive records: a block of them as the database holds it, in an array of its exact size. */
    static byte[] encodeAll(List<AuditEntry> entries) {
        Encoded[] encoded = new Encoded[entries.size()];
        int total = 0;
        for (int i = 0; i < encoded.length; i++) {
            encoded[i] = encoded(entries.get(i));
            total += HEADER + encoded[i].payload();
        }
        ByteBuffer out = ByteBuffer.allocate(total);
        for (int i = 0; i < encoded.length; i++) {
            put(entries.get(i), encoded[i], out);
        }
        return out.array();
    }

    /**
     * The entries of a block made by {@link #encodeAll}.
     *
     * @throws IllegalArgumentException naming the byte at which the block stops holding together
     */
    static List<AuditEntry> decodeAll(byte[] block) {
        ByteBuffer in = ByteBuffer.wrap(block);
        List<AuditEntry> entries = new ArrayList<>();
        while (in.hasRemaining()) {
            int length = wholeRecord(in);
            AuditEntry entry = length > 0 ? decode(in, in.position(), length) : null;
            if (entry == null) {
                throw new IllegalArgumentException("its record at byte " + in.position() + " (of " + block.length
                        + ") is damaged");
            }
            entries.add(entry);
            in.position(in.position() + length);
        }
        return entries;
    }

    /**
     * The whole length (header included) of the record starting at {@code at} of {@code records},
     * read from its header only: for records this process encoded, whose checksum is not in doubt.
     *
     * @throws IllegalArgumentException when the header's length is out of bounds
     */
    static int recordLengthAt(byte[] records, int at) {
        int word = ByteBuffer.wrap(records).getInt(at);
        int payload = payloadLength(word);
        if (payload < 0) {
            throw new IllegalArgumentException("no record starts at byte " + at);
        }
        return HEADER + payload;
    }

    /** The payload length a header's first word gives, or -1 when its layout is unknown or the length out of its bounds. */
    private static int payloadLength(int word) {
        int layout = word >>> 24;
        int length = word & 0xFF_FFFF;
        int least = layout == 0 ? TEXT_MIN_LENGTH : layout == CompactPayload.LAYOUT ? CompactPayload.MIN_LENGTH : -1;
        return least < 0 || length < least || length > MAX_PAYLOAD ? -1 : length;
    }

    /** The number of the entry whose record starts at {@code at} (read from its payload, unchecked). */
    static long seqAt(byte[] records, int at) {
        return ByteBuffer.wrap(records).getLong(at + HEADER);
    }

    /**
     * The entry of the record starting at {@code at} of {@code records}.
     *
     * @throws IllegalArgumentException when no whole, checked record starts there
     */
    static AuditEntry decodeAt(byte[] records, int at) {
        ByteBuffer in = ByteBuffer.wrap(records);
        in.position(at);
        int length = wholeRecord(in);
        AuditEntry entry = length > 0 ? decode(in, at, length) : null;
        if (entry == null) {
            throw new IllegalArgumentException("the record at byte " + at + " is damaged");
        }
        return entry;
    }

    private static final int INCOMPLETE = 0;
    private static final int DAMAGED = -1;

    /**
     * The length (header included) of the record at {@code chunk}'s position when it is whole and
     * its checksum holds; {@link #INCOMPLETE} when the chunk ends inside it; {@link #DAMAGED} otherwise.
     */
    private static int wholeRecord(ByteBuffer chunk) {
        if (chunk.remaining() < HEADER) {
            return INCOMPLETE;
        }
        int word = chunk.getInt(chunk.position());
        int length = payloadLength(word);
        if (length < 0) {
            return DAMAGED;
        }
        if (chunk.remaining() < HEADER + length) {
            return INCOMPLETE;
        }
        int layout = word >>> 24 == 0 ? TEXT_LAYOUT : word >>> 24;
        int crc = checksum(chunk.array(), chunk.arrayOffset() + chunk.position() + HEADER, length, layout);
        return crc == chunk.getInt(chunk.position() + 4) ? HEADER + length : DAMAGED;
    }

    /** The entry of the whole, checked record of {@code length} bytes at {@code at} of {@code in}; null when it makes none. */
    private static AuditEntry decode(ByteBuffer in, int at, int length) {
        ByteBuffer payload = in.slice(at + HEADER, length - HEADER);
        return in.getInt(at) >>> 24 == CompactPayload.LAYOUT ? CompactPayload.decode(payload) : decodeText(payload);
    }

    /** A layout-1 payload's entry, or null. */
    private static AuditEntry decodeText(ByteBuffer p) {
        try {
            long seq = p.getLong();
            Instant at = Instant.ofEpochMilli(p.getLong());
            int result = p.getInt();
            String[] texts = new String[7];
            for (int i = 0; i < texts.length; i++) {
                int length = p.getInt();
                if (length < -1 || length > p.remaining()) {
                    return null;
                }
                if (length >= 0) {
                    byte[] text = new byte[length];
                    p.get(text);
                    texts[i] = new String(text, StandardCharsets.UTF_8);
                }
            }
            if (p.hasRemaining() || texts[3] == null) {
                return null;
            }
            return new AuditEntry(seq, at, texts[0], texts[1], texts[2], texts[3], texts[4], result, texts[5], texts[6]);
        } catch (BufferUnderflowException e) {
            return null;
        }
    }

    private static byte[] bytes(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }
}
