package org.wardnet.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DefaultConfigFileTest {

    private static final Path COMMITTED = Path.of("wardnet.yaml");

    @Test
    void committedFileIsWhatTheKeysGenerate() throws Exception {
        assertEquals(DefaultConfigFile.render(), Files.readString(COMMITTED),
                "config/wardnet.yaml drifted from WardnetKeys; regenerate it with ./wardnet config-defaults");
    }

    @Test
    void committedFileSetsEveryKeyToItsDefault() throws Exception {
        String text = Files.readString(COMMITTED);
        for (ConfigKey<?> key : WardnetKeys.ALL) {
            assertTrue(text.contains("\n  " + key.name() + ": "), "file lacks key " + key);
            assertTrue(text.contains(key.environmentName()), "file does not name " + key.environmentName());
        }
        WardnetConfig loaded = ConfigLoader.load(COMMITTED, Map.of(), List.of());
        for (ConfigKey<?> key : WardnetKeys.ALL) {
            assertEquals(key.defaultValue(), loaded.get(key), key.path());
            assertTrue(loaded.sourceOf(key).startsWith("wardnet.yaml:"), "value of " + key + " not read from file");
        }
    }
}
