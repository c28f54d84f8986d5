package org.wardnet.storage.access;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import org.wardnet.core.audit.AuditEntry;

/**
 * The payload of a journal record in layout 2: an entry in about two thirds of layout 1's bytes,
 * since every byte appended is a byte the page cache copies, the disk writes and the journal keeps.
 * Number and time as 8 bytes each, the result as 2, the five texts (actor, scope, address, action,
 * target) each as a varint of its UTF-8 length plus one (0 for none) and its bytes, then the
 * previous hash and the hash as their 32 raw bytes rather than 64 hex characters. The hash itself
 * is unchanged: it is still defined over the entry's fields ({@link org.wardnet.core.audit.AuditChain}),
 * so entries read the same whichever layout holds them.
 *
 * <p>Limits: only entries whose result fits in 16 bits and whose hashes are 64 lowercase hex
 * characters (every hash the chain makes); {@link #fits} says which, and others stay in layout 1.
 */
final class CompactPayload {

    static final int LAYOUT = 2;
    /** Number, time, result, five empty texts and the two hashes. */
    static final int MIN_LENGTH = 8 + 8 + 2 + 5 + 32 + 32;
    private static final int HASH_BYTES = 32;
    private static final HexFormat HEX = HexFormat.of();

    private CompactPayload() {
    }

    /** Whether {@code e} can be written in this layout and read back equal. */
    static boolean fits(AuditEntry e) {
        return e.result() >= 0 && e.result() <= 0xFFFF && isHash(e.previousHash()) && isHash(e.hash());
    }

    private static boolean isHash(String text) {
        if (text == null || text.length() != 2 * HASH_BYTES) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /** The entry's texts as UTF-8 (null for none), in the order they are written. */
    static byte[][] texts(AuditEntry e) {
        return new byte[][] {bytes(e.actor()), bytes(e.scope()), bytes(e.address()), bytes(e.action()),
            bytes(e.target())};
    }

    /** The payload's length for an entry whose texts are {@code texts}. */
    static int length(byte[][] texts) {
        int length = 8 + 8 + 2 + 2 * HASH_BYTES;
        for (byte[] text : texts) {
            int size = text == null ? 0 : text.length + 1;
            length += varintLength(size) + (text == null ? 0 : text.length);
        }
        return length;
    }

    /** Writes the payload at {@code out}'s position (which it advances). */
    static void put(AuditEntry e, byte[][] texts, ByteBuffer out) {
        out.putLong(e.seq()).putLong(e.at().toEpochMilli()).putShort((short) e.result());
        for (byte[] text : texts) {
            putVarint(out, text == null ? 0 : text.length + 1);
            if (text != null) {
                out.put(text);
            }
        }
        putHex(out, e.previousHash());
        putHex(out, e.hash());
    }

    /** The entry of a whole payload, or null when its bytes do not make one. */
    static AuditEntry decode(ByteBuffer p) {
        try {
            long seq = p.getLong();
            Instant at = Instant.ofEpochMilli(p.getLong());
            int result = Short.toUnsignedInt(p.getShort());
            String[] texts = new String[5];
            for (int i = 0; i < texts.length; i++) {
                int size = getVarint(p);
                if (size < 0 || size - 1 > p.remaining()) {
                    return null;
                }
                if (size > 0) {
                    byte[] text = new byte[size - 1];
                    p.get(text);
                    texts[i] = new String(text, StandardCharsets.UTF_8);
                }
            }
            if (p.remaining() != 2 * HASH_BYTES || texts[3] == null) {
                return null;
            }
            String previous = getHex(p);
            String hash = getHex(p);
            return new AuditEntry(seq, at, texts[0], texts[1], texts[2], texts[3], texts[4], result, previous, hash);
        } catch (BufferUnderflowException e) {
            return null;
        }
    }

    private static void putHex(ByteBuffer out, String hex) {
        for (int i = 0; i < hex.length(); i += 2) {
            out.put((byte) (Character.digit(hex.charAt(i), 16) << 4 | Character.digit(hex.charAt(i + 1), 16)));
        }
    }

    private static String getHex(ByteBuffer in) {
        byte[] raw = new byte[HASH_BYTES];
        in.get(raw);
        return HEX.formatHex(raw);
    }

    private static int varintLength(int value) {
        int length = 1;
        while ((value >>>= 7) != 0) {
            length++;
        }
        return length;
    }

    private static void putVarint(ByteBuffer out, int value) {
        while ((value & ~0x7F) != 0) {
            out.put((byte) (value & 0x7F | 0x80));
            value >>>= 7;
        }
        out.put((byte) value);
    }

    /** A varint of at most three bytes (a text is under 64 KiB), or -1 when it is longer. */
    private static int getVarint(ByteBuffer in) {
        int value = 0;
        for (int shift = 0; shift < 21; shift += 7) {
            int b = in.get();
            value |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        return -1;
    }

    private static byte[] bytes(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }
}
