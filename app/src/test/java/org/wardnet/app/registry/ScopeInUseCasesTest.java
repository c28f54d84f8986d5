package org.wardnet.app.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wardnet.core.access.Caller;
import org.wardnet.core.access.Grant;
import org.wardnet.core.access.Permission;
import org.wardnet.core.access.Principal;
import org.wardnet.core.access.Role;
import org.wardnet.core.access.SiteTree;
import org.wardnet.core.errors.DomainException;
import org.wardnet.core.registry.Camera;
import org.wardnet.core.registry.CameraDraft;
import org.wardnet.core.registry.CameraImport;
import org.wardnet.core.registry.ListQuery;
import org.wardnet.core.registry.Registry;
import org.wardnet.core.registry.RegistryStore;
import org.wardnet.core.registry.Site;
import org.wardnet.core.registry.SiteDraft;

/**
 * The registry use cases apply the caller's scope themselves, with no transport in between: a
 * substation's installer sees, changes and imports only its subtree, and another substation's
 * camera answers exactly as a missing one.
 */
class ScopeInUseCasesTest {

    private Registry registry;
    private Cameras cameras;
    private Sites sites;
    private Caller installerOfS1;

    @BeforeEach
    void district() {
        registry = Registry.open(RegistryStore.none(), Clock.systemUTC());
        registry.createSite(new SiteDraft("C", "Center", "CENTER", null, null, null));
        registry.createSite(new SiteDraft("S1", "Substation 1", "SUBSTATION", "C", null, null));
        registry.createSite(new SiteDraft("S2", "Substation 2", "SUBSTATION", "C", null, null));
        registry.createSite(new SiteDraft("R1", "Room 1", "ROOM", "S1", "BANK", null));
        registry.createSite(new SiteDraft("R2", "Room 2", "ROOM", "S2", "BANK", null));
        registry.createCamera(camera("a", "R1"));
        registry.createCamera(camera("b", "R2"));
        ScopedRegistry scoped = new ScopedRegistry(registry);
        cameras = new Cameras(scoped, 100);
        sites = new Sites(scoped);
        SiteTree tree = id -> registry.site(id).map(Site::parentId).orElse(null);
        Principal installer = new Principal("inst", List.of(new Grant(Role.INSTALLER, "S1")), "t1", false);
        installerOfS1 = new Caller(installer, installer.scope(Permission.CAMERAS_WRITE, tree));
    }

    private static CameraDraft camera(String id, String site) {
        return new CameraDraft(id, site, "Camera " + id, new CameraDraft.Location(29.87, 121.55), null, null, null,
                null, null, new CameraDraft.Rtsp("rtsp://127.0.0.1/" + id, null, null, null));
    }

    @Test
    void listsAndReadsStopAtTheScope() {
        ListQuery all = new ListQuery(null, 100, null, null);
        assertEquals(List.of("a"), cameras.list(installerOfS1, all).items().stream().map(Camera::id).toList());
        assertEquals(List.of("a", "b"), cameras.list(Caller.system(), all).items().stream().map(Camera::id).toList());
        DomainException other = assertThrows(DomainException.class, () -> cameras.get(installerOfS1, "b"));
        DomainException missing = assertThrows(DomainException.class, () -> cameras.get(installerOfS1, "zz"));
        assertEquals(DomainException.Kind.NOT_FOUND, other.kind());
        assertEquals(missing.getMessage().replace("zz", "b"), other.getMessage(), "no hint that b exists");
    }

    @Test
    void writesCannotReachAnotherSubstation() {
        DomainException onR2 = assertThrows(DomainException.class, () -> cameras.create(installerOfS1,
                camera("c", "R2")));
        assertEquals(DomainException.Kind.INVALID, onR2.kind());
        assertEquals("siteId", onR2.errors().get(0).field());
        assertThrows(DomainException.class, () -> cameras.delete(installerOfS1, "b"));
        assertEquals("R2", registry.camera("b").orElseThrow().siteId(), "b is untouched");
        DomainException topLevel = assertThrows(DomainException.class, () -> sites.create(installerOfS1,
                new SiteDraft("S3", "Substation 3", "SUBSTATION", null, null, null)));
        assertEquals(DomainException.Kind.FORBIDDEN, topLevel.kind());
    }

    @Test
    void anImportFailsTheRowsOutsideTheScopeAndKeepsTheOthers() {
        CameraImport.Outcome outcome = cameras.importRows(installerOfS1, List.of(
                new CameraImport.Row(1, camera("d", "R1"), List.of()),
                new CameraImport.Row(2, camera("e", "R2"), List.of()),
                new CameraImport.Row(3, camera("b", "R1"), List.of())), false);
        assertEquals(1, outcome.created());
        assertEquals(2, outcome.failed());
        assertEquals("R2", registry.camera("b").orElseThrow().siteId(), "another substation's camera is not pulled out");
        assertEquals(false, registry.camera("e").isPresent());
        DomainException tooMany = assertThrows(DomainException.class, () -> new Cameras(new ScopedRegistry(registry), 1)
                .importRows(Caller.system(), List.of(new CameraImport.Row(1, camera("f", "R1"), List.of()),
                        new CameraImport.Row(2, camera("g", "R1"), List.of())), false));
        assertEquals(DomainException.Kind.TOO_LARGE, tooMany.kind());
    }
}
