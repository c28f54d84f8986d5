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
        StringBuilder text = new StringBuilder();
        String[] fields = scope == null
                ? new String[] {Long.toString(seq), Long.toString(atMillis), actor, address, action, target,
                    Integer.toString(result), previous}
                : new String[] {Long.toString(seq), Long.toString(atMillis), actor, "scope=" + scope, address, action,
                    target, Integer.toString(result), previous};
        for (String field : fields) {
            String value = field == null ? "" : field;
            text.append(value.length()).append(':').append(value).append(';');
        }
        return HexFormat.of().formatHex(SHA256.get().digest(text.toString().getBytes(StandardCharsets.UTF_8)));
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
