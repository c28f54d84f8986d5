package org.wardnet.server.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.wardnet.adapters.fuzz.Mutations;
import org.wardnet.config.ConfigException;
import org.wardnet.config.ConfigLoader;
import org.wardnet.config.DefaultConfigFile;
import org.wardnet.config.WardnetConfig;

/**
 * Fuzzing the configuration file reader with the shipped file (every key at its default, with
 * its comments) and a short hand-edited one as seeds. The property: a configuration, or a
 * {@link ConfigException} that names at least one problem; nothing else escapes (an operator
 * with a broken file must read what is wrong, not a stack trace).
 */
class ConfigFileFuzzTest {

    @Provide
    Arbitrary<byte[]> files() {
        String edited = "server:\n  port: 9090\n  host: \"127.0.0.1\"\nstore:\n  dataDir: /var/lib/wardnet\n"
                + "probe:\n  intervalSeconds: 30\n# a comment\nrecording:\n  minFreeBytes: 1073741824\n";
        return Mutations.of(List.of(DefaultConfigFile.render().getBytes(StandardCharsets.UTF_8),
                edited.getBytes(StandardCharsets.UTF_8)), 4);
    }

    @Property
    void aConfigFileLoadsOrNamesItsProblems(@ForAll("files") byte[] text) throws Exception {
        Path file = Files.createTempFile("wardnet-config-", ".yaml");
        try {
            Files.write(file, text);
            WardnetConfig config = ConfigLoader.load(file, Map.of(), List.of());
            assertNotNull(config);
        } catch (ConfigException refused) {
            assertFalse(refused.problems().isEmpty(), refused.getMessage());
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
