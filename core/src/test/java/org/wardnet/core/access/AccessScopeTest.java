package org.wardnet.core.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccessScopeTest {

    /** C > S1 > R1, C > S2 > R2; X and Y point at each other. */
    private static final Map<String, String> PARENTS = Map.of("S1", "C", "S2", "C", "R1", "S1", "R2", "S2",
            "X", "Y", "Y", "X");
    private static final SiteTree TREE = PARENTS::get;

    @Test
    void aGrantCoversItsSubtreeOnly() {
        Principal p = new Principal("u", List.of(new Grant(Role.INVESTIGATOR, "S1"), new Grant(Role.OPERATOR, "S2")),
                "t", false);
        AccessScope footage = p.scope(Permission.FOOTAGE, TREE);
        assertTrue(footage.covers("S1"));
        assertTrue(footage.covers("R1"));
        assertFalse(footage.covers("R2"));
        assertFalse(footage.covers("C"));
        assertFalse(footage.covers(null));
        assertFalse(footage.covers("X"), "a cycle ends the walk");
        AccessScope recording = p.scope(Permission.RECORDING, TREE);
        assertEquals(List.of("S2"), recording.roots(), "each permission has the roots of the roles that carry it");
        assertEquals(List.of("S1", "S2"), p.scope(Permission.HEALTH_READ, TREE).roots(), "both roles read health");
        assertTrue(p.scope(Permission.AUDIT_READ, TREE).isEmpty());
    }

    @Test
    void aDistrictGrantCoversEverythingIncludingSitesNotYetMade() {
        Principal p = new Principal("a", List.of(new Grant(Role.ADMIN, Grant.DISTRICT)), "t", false);
        AccessScope scope = p.scope(Permission.USERS_ADMIN, TREE);
        assertSame(AccessScope.DISTRICT, scope);
        assertTrue(scope.covers("a-site-made-tomorrow"));
        assertTrue(scope.covers(null));
        assertEquals("*", scope.toString());
    }
}
