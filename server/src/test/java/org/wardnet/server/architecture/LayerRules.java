package org.wardnet.server.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;

/**
 * Wardnet's layering as rules, one place for the test of the real code and for the test that each
 * rule can fail: modules point one way, HTTP and Netty stay above the use cases, and packages form
 * no cycles.
 */
final class LayerRules {

    private LayerRules() {
    }

    /**
     * {@code config <- core <- {adapters, storage-index} <- app <- server}; the simulator stands
     * beside the server (the demo runs it) and uses core and adapters. Only the server, the
     * composition root, knows concrete adapters and stores: the use cases see core's ports.
     */
    static ArchRule moduleOrder() {
        // layers may be empty so a rule can be tried on a few classes; LayeringTest checks that the
        // real import holds every module
        return layeredArchitecture().consideringOnlyDependenciesInLayers().withOptionalLayers(true)
                .layer("config").definedBy("org.wardnet.config..")
                .layer("core").definedBy("org.wardnet.core..")
                .layer("adapters").definedBy("org.wardnet.adapters..")
                .layer("storage").definedBy("org.wardnet.storage..")
                .layer("app").definedBy("org.wardnet.app..")
                .layer("server").definedBy("org.wardnet.server..")
                .layer("simulator").definedBy("org.wardnet.simulator..")
                .whereLayer("server").mayNotBeAccessedByAnyLayer()
                .whereLayer("simulator").mayOnlyBeAccessedByLayers("server")
                .whereLayer("app").mayOnlyBeAccessedByLayers("server")
                .whereLayer("storage").mayOnlyBeAccessedByLayers("server")
                .whereLayer("adapters").mayOnlyBeAccessedByLayers("server", "simulator")
                .whereLayer("core").mayOnlyBeAccessedByLayers("adapters", "storage", "app", "server", "simulator")
                .whereLayer("config").mayOnlyBeAccessedByLayers("storage", "app", "server")
                .as("modules point one way: config <- core <- {adapters, storage-index} <- app <- server");
    }

    /** The domain and the use cases know no transport: no Netty, no HTTP types, nothing of the server. */
    static ArchRule noHttpBelowTheServer() {
        return noClasses().that().resideInAnyPackage("org.wardnet.core..", "org.wardnet.app..")
                .should().dependOnClassesThat().resideInAnyPackage("io.netty..", "java.net.http..",
                        "com.sun.net.httpserver..", "org.wardnet.server..")
                .as("core and app import no Netty or HTTP type");
    }

    /** Stores are reached through core's ports: no JDBC in the domain or the use cases. */
    static ArchRule storesOnlyBehindPorts() {
        return noClasses().that().resideInAnyPackage("org.wardnet.core..", "org.wardnet.app..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.h2..",
                        "org.postgresql..", "org.flywaydb..", "com.zaxxer..", "org.wardnet.storage..")
                .as("stores only behind core's ports");
    }

    /** The domain does no I/O of its own: no FFmpeg, no JSON or YAML library, no configuration. */
    static ArchRule coreHasNoLibraries() {
        return noClasses().that().resideInAPackage("org.wardnet.core..")
                .should().dependOnClassesThat().resideInAnyPackage("org.bytedeco..", "com.fasterxml..",
                        "org.wardnet.config..", "org.slf4j..")
                .as("core depends on the JDK alone");
    }

    /** No two packages depend on each other, directly or round a loop. */
    static ArchRule noPackageCycles() {
        return slices().matching("org.wardnet.(**)").should().beFreeOfCycles()
                .as("no cycles between packages");
    }
}
