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
 * How an audit entry is laid out in the journal: its payload's length and CRC32C, then the
 * payload (number, time, result, then the texts, each as its UTF-8 length, -1 for none, and
 * bytes). A record whose length is out of bounds or whose checksum does not match ends the
 * readable part of a file.
 */
final class JournalRecords {

    /** No real entry comes near this (its columns hold under 3,000 characters); a larger length is damage. */
    static final int MAX_PAYLOAD = 64 * 1024;
    private static final int HEADER = 8;

    private JournalRecords() {
    }

    private static byte[][] texts(AuditEntry e) {
        return new byte[][] {bytes(e.actor()), bytes(e.scope()), bytes(e.address()), bytes(e.action()),
            bytes(e.target()), bytes(e.previousHash()), bytes(e.hash())};
    }

    private static int recordLength(byte[][] texts) {
        int payload = 8 + 8 + 4;
        for (byte[] text : texts) {
            payload += 4 + (text == null ? 0 : text.length);
        }
        return HEADER + payload;
    }

    private static void put(AuditEntry e, byte[][] texts, int payload, ByteBuffer out) {
        int start = out.position();
        out.putInt(payload).putInt(0).putLong(e.seq()).putLong(e.at().toEpochMilli()).putInt(e.result());
        for (byte[] text : texts) {
            out.putInt(text == null ? -1 : text.length);
            if (text != null) {
                out.put(text);
            }
        }
        CRC32C crc = new CRC32C();
        crc.update(out.array(), start + HEADER, payload);
        out.putInt(start + 4, (int) crc.getValue());
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
                AuditEntry entry = decode(chunk.slice(chunk.position() + HEADER, length - HEADER));
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
        byte[][][] texts = new byte[entries.size()][][];
        int total = 0;
        for (int i = 0; i < texts.length; i++) {
            texts[i] = texts(entries.get(i));
            total += recordLength(texts[i]);
        }
        ByteBuffer out = ByteBuffer.allocate(total);
        for (int i = 0; i < texts.length; i++) {
            put(entries.get(i), texts[i], recordLength(texts[i]) - HEADER, out);
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
            AuditEntry entry = length > 0 ? decode(in.slice(in.position() + HEADER, length - HEADER)) : null;
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
        int payload = ByteBuffer.wrap(records).getInt(at);
        if (payload < 20 || payload > MAX_PAYLOAD) {
            throw new IllegalArgumentException("no record starts at byte " + at);
        }
        return HEADER + payload;
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
        AuditEntry entry = length > 0 ? decode(in.slice(at + HEADER, length - HEADER)) : null;
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
        int length = chunk.getInt(chunk.position());
        if (length < 20 || length > MAX_PAYLOAD) {
            return DAMAGED;
        }
        if (chunk.remaining() < HEADER + length) {
            return INCOMPLETE;
        }
        CRC32C crc = new CRC32C();
        crc.update(chunk.array(), chunk.arrayOffset() + chunk.position() + HEADER, length);
        return (int) crc.getValue() == chunk.getInt(chunk.position() + 4) ? HEADER + length : DAMAGED;
    }

    private static AuditEntry decode(ByteBuffer p) {
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
