package org.wardnet.server.architecture;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;
import org.wardnet.app.archfixture.AppUsingNetty;
import org.wardnet.app.archfixture.AppUsingStore;
import org.wardnet.app.health.HealthQueries;
import org.wardnet.core.archfixture.CoreUsingJackson;
import org.wardnet.core.archfixture.CoreUsingServer;
import org.wardnet.core.registry.Registry;
import org.wardnet.server.archfixture.left.Left;
import org.wardnet.server.archfixture.right.Right;
import org.wardnet.server.http.ApiRequest;
import org.wardnet.storage.clips.JdbcClipIndex;

/**
 * Each rule of {@link LayerRules} against classes that break it on purpose (test fixtures in
 * {@code archfixture} packages): a rule that cannot fail would prove nothing. Each rule also passes
 * on a small set of classes that keep it, so a failure here is the fixture's, not the rule's.
 */
class RulesCanFailTest {

    @Test
    void theDomainReachingIntoTheServerBreaksTheModuleOrder() {
        assertBroken(LayerRules.moduleOrder(), CoreUsingServer.class, ApiRequest.class);
        assertKept(LayerRules.moduleOrder(), HealthQueries.class, Registry.class);
    }

    @Test
    void aUseCaseHoldingAStoreBreaksTheModuleOrderAndThePortRule() {
        assertBroken(LayerRules.moduleOrder(), AppUsingStore.class, JdbcClipIndex.class);
        assertBroken(LayerRules.storesOnlyBehindPorts(), AppUsingStore.class, JdbcClipIndex.class);
        assertKept(LayerRules.storesOnlyBehindPorts(), HealthQueries.class);
    }

    @Test
    void nettyOrHttpInAUseCaseOrTheDomainIsRefused() {
        assertBroken(LayerRules.noHttpBelowTheServer(), AppUsingNetty.class);
        assertBroken(LayerRules.noHttpBelowTheServer(), CoreUsingServer.class, ApiRequest.class);
        assertKept(LayerRules.noHttpBelowTheServer(), HealthQueries.class, Registry.class);
    }

    @Test
    void aLibraryInTheDomainIsRefused() {
        assertBroken(LayerRules.coreHasNoLibraries(), CoreUsingJackson.class);
        assertKept(LayerRules.coreHasNoLibraries(), Registry.class);
    }

    @Test
    void twoPackagesUsingEachOtherAreACycle() {
        assertBroken(LayerRules.noPackageCycles(), Left.class, Right.class);
        assertKept(LayerRules.noPackageCycles(), Left.class);
    }

    private static void assertBroken(ArchRule rule, Class<?>... classes) {
        EvaluationResult result = rule.evaluate(importOnly(classes));
        assertTrue(result.hasViolation(), rule.getDescription() + " should fail on " + names(classes));
    }

    private static void assertKept(ArchRule rule, Class<?>... classes) {
        EvaluationResult result = rule.evaluate(importOnly(classes));
        assertFalse(result.hasViolation(), rule.getDescription() + " on " + names(classes) + ": "
                + result.getFailureReport());
    }

    private static JavaClasses importOnly(Class<?>... classes) {
        return new ClassFileImporter().importClasses(classes);
    }

    private static String names(Class<?>... classes) {
        StringBuilder names = new StringBuilder();
        for (Class<?> c : classes) {
            names.append(names.length() == 0 ? "" : ", ").append(c.getSimpleName());
        }
        return names.toString();
    }
}
