package org.wardnet.core.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The chain holds as written and breaks at the first changed, missing or reordered entry. */
class AuditChainTest {

    private static List<AuditEntry> chain(int n) {
        List<AuditEntry> out = new ArrayList<>();
        String previous = AuditChain.GENESIS;
        for (int i = 1; i <= n; i++) {
            AuditEntry e = AuditChain.link(i, new AuditEntry.Draft(Instant.parse("2026-11-29T14:00:00Z").plusSeconds(i),
                    "anonymous", i % 2 == 1 ? null : "sub-" + i, "127.0.0.1", "clips.media", "/api/v1/clips/" + i + "/media", 200), previous);
            out.add(e);
            previous = e.hash();
        }
        return out;
    }

    /** Odd entries have no scope (as written before scopes existed), even ones do. */
    private static AuditEntry withScope(AuditEntry e, String scope) {
        return new AuditEntry(e.seq(), e.at(), e.actor(), scope, e.address(), e.action(), e.target(), e.result(),
                e.previousHash(), e.hash());
    }

    @Test
    void aChangedAddedOrRemovedScopeIsFound() {
        List<AuditEntry> entries = new ArrayList<>(chain(4));
        entries.set(1, withScope(entries.get(1), "*"));
        assertEquals(2, AuditChain.firstBreak(entries.iterator()).orElseThrow().seq());
        entries = new ArrayList<>(chain(4));
        entries.set(2, withScope(entries.get(2), ""));
        assertEquals(3, AuditChain.firstBreak(entries.iterator()).orElseThrow().seq());
        entries = new ArrayList<>(chain(4));
        entries.set(3, withScope(entries.get(3), null));
        assertEquals(4, AuditChain.firstBreak(entries.iterator()).orElseThrow().seq());
    }

    private static AuditEntry withTarget(AuditEntry e, String target) {
        return new AuditEntry(e.seq(), e.at(), e.actor(), e.scope(), e.address(), e.action(), target, e.result(), e.previousHash(),
                e.hash());
    }

    /**
     * The hash as the trail defines it, worked out the plain way (the whole text as one string,
     * then its UTF-8 bytes): trails already stored must keep verifying whatever the code does.
     */
    private static String definedHash(String... fields) throws Exception {
        StringBuilder text = new StringBuilder();
        for (String field : fields) {
            String value = field == null ? "" : field;
            text.append(value.length()).append(':').append(value).append(';');
        }
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void theHashIsTheDefinedOneWithAndWithoutScopeAndForTextsOfEveryKind() throws Exception {
        Instant at = Instant.parse("2026-12-06T03:40:00Z");
        AuditEntry noScope = AuditChain.link(41, new AuditEntry.Draft(at, null, null, "127.0.0.1", "clips.list",
                "/api/v1/clips?camera=海曙-路口-😀&from=x", 200), AuditChain.GENESIS);
        assertEquals(definedHash("41", Long.toString(at.toEpochMilli()), null, "127.0.0.1", "clips.list",
                "/api/v1/clips?camera=海曙-路口-😀&from=x", "200", AuditChain.GENESIS), noScope.hash());
        AuditEntry scoped = AuditChain.link(42, new AuditEntry.Draft(at, "ana", "", null, "auth.login", "x".repeat(3_000),
                401), noScope.hash());
        assertEquals(definedHash("42", Long.toString(at.toEpochMilli()), "ana", "scope=", null, "auth.login",
                "x".repeat(3_000), "401", noScope.hash()), scoped.hash(), "an empty scope is hashed; a long target too");
    }

    @Test
    void numbersOfEveryWidthHashAsTheirDecimalText() throws Exception {
        long[] seqs = {1, 9, 10, 99, 100, 999_999, 12_345_678_901L, Long.MAX_VALUE};
        Instant[] times = {Instant.EPOCH, Instant.ofEpochMilli(-1), Instant.ofEpochMilli(-1_234_567),
            Instant.parse("2026-12-06T08:45:00.123Z")};
        int[] results = {0, 7, 200, 503, 12_345};
        for (long seq : seqs) {
            for (Instant at : times) {
                for (int result : results) {
                    AuditEntry e = AuditChain.link(seq, new AuditEntry.Draft(at, "ana", "*", "::1", "a", "/t", result),
                            AuditChain.GENESIS);
                    assertEquals(definedHash(Long.toString(seq), Long.toString(at.toEpochMilli()), "ana", "scope=*",
                            "::1", "a", "/t", Integer.toString(result), AuditChain.GENESIS), e.hash(),
                            seq + " " + at + " " + result);
                }
            }
        }
    }

    @Test
    void anUntouchedChainHolds() {
        assertEquals(Optional.empty(), AuditChain.firstBreak(chain(5).iterator()));
        assertEquals(Optional.empty(), AuditChain.firstBreak(List.<AuditEntry>of().iterator()));
    }

    @Test
    void oneChangedCharacterIsFoundAtItsEntry() {
        List<AuditEntry> entries = chain(5);
        entries.set(2, withTarget(entries.get(2), "/api/v1/clips/4/media"));
        AuditChain.Break broken = AuditChain.firstBreak(entries.iterator()).orElseThrow();
        assertEquals(3, broken.seq());
        assertTrue(broken.reason().contains("changed"), broken.reason());
    }

    @Test
    void aRemovedOrRewrittenEntryBreaksTheLinks() {
        List<AuditEntry> removed = chain(5);
        removed.remove(1);
        assertEquals(2, AuditChain.firstBreak(removed.iterator()).orElseThrow().seq());
        // an entry rewritten with a freshly computed hash still breaks the next entry's link
        List<AuditEntry> rewritten = chain(5);
        AuditEntry forged = AuditChain.link(2, new AuditEntry.Draft(rewritten.get(1).at(), "anonymous", "*", "127.0.0.1",
                "clips.list", "/elsewhere", 200), rewritten.get(0).hash());
        rewritten.set(1, forged);
        AuditChain.Break broken = AuditChain.firstBreak(rewritten.iterator()).orElseThrow();
        assertEquals(3, broken.seq());
        assertTrue(broken.reason().contains("link"), broken.reason());
    }

    @Test
    void fieldsCannotBeShiftedAcrossEachOther() {
        AuditEntry a = AuditChain.link(1, new AuditEntry.Draft(Instant.EPOCH, "ab", "*", "c", "x", "t", 200),
                AuditChain.GENESIS);
        AuditEntry b = AuditChain.link(1, new AuditEntry.Draft(Instant.EPOCH, "a", "*", "bc", "x", "t", 200),
                AuditChain.GENESIS);
        assertTrue(!a.hash().equals(b.hash()));
    }
}
