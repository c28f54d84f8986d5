package org.wardnet.core.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * The hash chain: each entry's hash covers its own fields and the previous entry's hash, so
 * changing any byte of an entry breaks its hash, and removing or reordering entries breaks the
 * link after them. Fields are hashed length-prefixed, so no choice of text can make two different
 * entries hash alike by shifting separators.
 */
public final class AuditChain {

    /** One digest per thread: looking the algorithm up costs more than hashing a short entry. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM lacks SHA-256", e);
        }
    });

    /** The "previous hash" of the first entry. */
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    /** Links a draft after the entry whose hash is {@code previous}. */
    public static AuditEntry link(long seq, AuditEntry.Draft d, String previous) {
        String hash = hash(seq, d.at().toEpochMilli(), d.actor(), d.scope(), d.address(), d.action(), d.target(),
                d.result(), previous);
        return new AuditEntry(seq, d.at(), d.actor(), d.scope(), d.address(), d.action(), d.target(), d.result(),
                previous, hash);
    }

    /**
     * Links drafts one after another, the first after the entry {@code lastSeq} whose hash is
     * {@code lastHash}; the last returned entry is the chain's new head.
     */
    public static List<AuditEntry> linkAll(long lastSeq, String lastHash, List<AuditEntry.Draft> drafts) {
        List<AuditEntry> linked = new ArrayList<>(drafts.size());
        long seq = lastSeq;
        String previous = lastHash;
        for (AuditEntry.Draft draft : drafts) {
            AuditEntry e = link(++seq, draft, previous);
            previous = e.hash();
            linked.add(e);
        }
        return linked;
    }

    /**
     * The scope is hashed only when present: entries written before scopes existed hash as they did,
     * and a present scope (even an empty one) is covered like every other field.
     */
    static String hash(long seq, long atMillis, String actor, String scope, String address, String action,
            String target, int result, String previous) {
        HashedText text = TEXT.get().clear();
        text.field(seq).field(atMillis).field(actor);
        if (scope != null) {
            text.field("scope=", scope);
        }
        text.field(address).field(action).field(target).field(result).field(previous);
        MessageDigest digest = SHA256.get();
        digest.update(text.bytes, 0, text.length);
        return HexFormat.of().formatHex(digest.digest());
    }

    private static final ThreadLocal<HashedText> TEXT = ThreadLocal.withInitial(HashedText::new);

    /**
     * The hashed text, built as bytes in a buffer kept per thread: each field (none counts as empty)
     * as its length in UTF-16 units, ':', its UTF-8 bytes and ';'. The same bytes as encoding the
     * whole text at once, since no field splits a character.
     */
    private static final class HashedText {
        byte[] bytes = new byte[1_024];
        int length;

        HashedText clear() {
            length = 0;
            return this;
        }

        HashedText field(String field) {
            return field("", field);
        }

        /**
         * A field whose text is {@code prefix} then {@code field}, without joining them first. Each
         * part is encoded on its own (for ASCII text the JDK copies the bytes at once), which gives
         * the bytes of the joined text: the prefix is ASCII, so no character is split.
         */
        HashedText field(String prefix, String field) {
            String value = field == null ? "" : field;
            byte[] head = prefix.isEmpty() ? null : prefix.getBytes(StandardCharsets.UTF_8);
            byte[] encoded = value.getBytes(StandardCharsets.UTF_8);
            int headLength = head == null ? 0 : head.length;
            ensure(22 + headLength + encoded.length);
            digits(prefix.length() + value.length());
            bytes[length++] = ':';
            if (head != null) {
                System.arraycopy(head, 0, bytes, length, headLength);
                length += headLength;
            }
            System.arraycopy(encoded, 0, bytes, length, encoded.length);
            length += encoded.length;
            bytes[length++] = ';';
            return this;
        }

        /** A number's field: its decimal text, which is ASCII, so its length is its character count. */
        HashedText field(long number) {
            ensure(45);
            digits(number < 0 ? 1 + width(number == Long.MIN_VALUE ? Long.MAX_VALUE : -number) : width(number));
            bytes[length++] = ':';
            digits(number);
            bytes[length++] = ';';
            return this;
        }

        /** The count of decimal digits of {@code number} (not negative): compared, not divided. */
        private static int width(long number) {
            int width = 1;
            for (long power = 10; width < 19 && number >= power; power *= 10) {
                width++;
            }
            return width;
        }

        private void digits(long number) {
            if (number < 0) {
                bytes[length++] = '-';
                if (number == Long.MIN_VALUE) {
                    for (char c : "9223372036854775808".toCharArray()) {
                        bytes[length++] = (byte) c;
                    }
                    return;
                }
                number = -number;
            }
            int end = length + width(number);
            // The last nine digits in int arithmetic, the rest likewise: one long division at most.
            int low = (int) (number % 1_000_000_000L);
            long high = number / 1_000_000_000L;
            int at = end - 1;
            if (high == 0) {
                for (; at >= length; at--) {
                    bytes[at] = (byte) ('0' + low % 10);
                    low /= 10;
                }
            } else {
                for (int i = 0; i < 9; i++, at--) {
                    bytes[at] = (byte) ('0' + low % 10);
                    low /= 10;
                }
                for (; at >= length; at--) {
                    bytes[at] = (byte) ('0' + high % 10);
                    high /= 10;
                }
            }
            length = end;
        }

        private void ensure(int more) {
            if (length + more > bytes.length) {
                bytes = java.util.Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
            }
        }
    }

    /** Where a chain read from its first entry breaks, and why. */
    public record Break(long seq, String reason) {
    }

    /** The first entry that does not check, or empty when the whole chain holds. */
    public static Optional<Break> firstBreak(Iterator<AuditEntry> entries) {
        String previous = GENESIS;
        long expected = 1;
        while (entries.hasNext()) {
            AuditEntry e = entries.next();
            if (e.seq() != expected) {
                return Optional.of(new Break(expected, "entry " + expected + " is missing (next found: " + e.seq() + ")"));
            }
            if (!previous.equals(e.previousHash())) {
                return Optional.of(new Break(e.seq(), "its link to entry " + (e.seq() - 1) + " does not match"));
            }
            String recomputed = hash(e.seq(), e.at().toEpochMilli(), e.actor(), e.scope(), e.address(), e.action(),
                    e.target(), e.result(), e.previousHash());
            if (!recomputed.equals(e.hash())) {
                return Optional.of(new Break(e.seq(), "its content was changed after it was written"));
            }
            previous = e.hash();
            expected++;
        }
        return Optional.empty();
    }
}
