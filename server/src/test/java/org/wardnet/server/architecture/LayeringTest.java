package org.wardnet.server.architecture;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Wardnet's own classes (every module, tests left out) against {@link LayerRules}. */
class LayeringTest {

    private static JavaClasses wardnet;

    @BeforeAll
    static void importWardnet() {
        wardnet = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar")) // other modules' test jars
                .importPackages("org.wardnet");
    }

    @Test
    void everyModuleIsImported() {
        for (String module : List.of("config", "core", "adapters", "storage", "app", "server", "simulator")) {
            String prefix = "org.wardnet." + module + ".";
            assertTrue(wardnet.stream().anyMatch(c -> c.getPackageName().concat(".").startsWith(prefix)),
                    "no class of " + module + " on the class path: the rules would prove nothing about it");
        }
    }

    @Test
    void modulesPointOneWay() {
        LayerRules.moduleOrder().check(wardnet);
    }

    @Test
    void coreAndAppKnowNoHttp() {
        LayerRules.noHttpBelowTheServer().check(wardnet);
    }

    @Test
    void storesAreReachedOnlyThroughPorts() {
        LayerRules.storesOnlyBehindPorts().check(wardnet);
    }

    @Test
    void coreDependsOnTheJdkAlone() {
        LayerRules.coreHasNoLibraries().check(wardnet);
    }

    @Test
    void packagesFormNoCycles() {
        LayerRules.noPackageCycles().check(wardnet);
    }
}
