package org.wardnet.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    private Path write(String yaml) throws Exception {
        Path file = dir.resolve("site.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private ConfigException failure(String yaml) throws Exception {
        Path file = write(yaml);
        return assertThrows(ConfigException.class, () -> ConfigLoader.load(file, Map.of(), List.of()));
    }

    @Test
    void noFileGivesDefaults() throws Exception {
        WardnetConfig config = ConfigLoader.load(null, Map.of(), List.of());
        assertEquals(8080, config.get(WardnetKeys.SERVER_PORT));
        assertEquals("./data", config.get(WardnetKeys.STORE_DATA_DIR));
        assertEquals("default", config.sourceOf(WardnetKeys.SERVER_PORT));
    }

    @Test
    void fileValuesAreTyped() throws Exception {
        Path file = write("server:\n  port: 9090\n  maxJsonBodyBytes: 2_097_152\nstore:\n  dataDir: /var/lib/wardnet\n");
        WardnetConfig config = ConfigLoader.load(file, Map.of(), List.of());
        assertEquals(9090, config.get(WardnetKeys.SERVER_PORT));
        assertEquals(2_097_152L, config.get(WardnetKeys.SERVER_MAX_JSON_BODY_BYTES));
        assertEquals("/var/lib/wardnet", config.get(WardnetKeys.STORE_DATA_DIR));
        assertEquals(file + ":2", config.sourceOf(WardnetKeys.SERVER_PORT));
    }

    @Test
    void unknownKeyNamesKeyFileLineAndTheKnownKeys() throws Exception {
        ConfigException e = failure("server:\n  port: 9090\n  prot: 1\n");
        assertEquals(1, e.problems().size());
        String problem = e.problems().get(0);
        assertTrue(problem.contains("site.yaml:3"), problem);
        assertTrue(problem.contains("unknown key 'server.prot'"), problem);
        assertTrue(problem.contains("port"), problem);
    }

    @Test
    void mediaOriginsAreOriginsOnly() throws Exception {
        WardnetConfig config = ConfigLoader.load(null, Map.of(), List.of(
                "console.mediaOrigins=http://10.20.0.5:8080, https://nvr-7.example.org,http://[fd00::5]:81"));
        assertEquals("http://10.20.0.5:8080, https://nvr-7.example.org,http://[fd00::5]:81",
                config.get(WardnetKeys.CONSOLE_MEDIA_ORIGINS));
        for (String wrong : List.of("ftp://10.0.0.1", "http://10.0.0.1/record", "http://*.example.org", "10.0.0.1",
                "http://a b", "'self'")) {
            ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(null, Map.of(),
                    List.of("console.mediaOrigins=" + wrong)), wrong);
            assertTrue(e.getMessage().contains("console.mediaOrigins") && e.getMessage().contains("origins"),
                    e.getMessage());
        }
    }

    @Test
    void unknownSectionIsRefused() throws Exception {
        ConfigException e = failure("sever:\n  port: 1\n");
        assertTrue(e.problems().get(0).contains("unknown section 'sever'"), e.getMessage());
    }

    @Test
    void wrongTypeNamesWhatWasExpected() throws Exception {
        ConfigException e = failure("server:\n  port: eighty\n");
        String problem = e.problems().get(0);
        assertTrue(problem.contains("site.yaml:2: server.port: expected an integer from 0 to 65535, got 'eighty'"),
                problem);
    }

    @Test
    void outOfRangeIsRefused() throws Exception {
        ConfigException e = failure("server:\n  port: 70000\napi:\n  maxPageSize: 0\n");
        assertEquals(2, e.problems().size(), "both problems reported at once: " + e.getMessage());
        assertTrue(e.problems().get(0).contains("server.port"), e.getMessage());
        assertTrue(e.problems().get(1).contains("api.maxPageSize: expected an integer from 1 to 10000"), e.getMessage());
    }

    @Test
    void mappingWhereValueExpectedIsRefused() throws Exception {
        ConfigException e = failure("server:\n  port:\n    number: 1\n");
        assertTrue(e.problems().get(0).contains("server.port: expected an integer from 0 to 65535, got a mapping"),
                e.getMessage());
    }

    @Test
    void emptyValueIsRefusedRatherThanSilentlyDefaulted() throws Exception {
        ConfigException e = failure("server:\n  port:\n");
        assertTrue(e.problems().get(0).contains("got nothing"), e.getMessage());
    }

    @Test
    void malformedYamlReportsTheLine() throws Exception {
        ConfigException e = failure("server:\n  host: \"unterminated\n  port: 1\n");
        assertTrue(e.getMessage().contains("not valid YAML"), e.getMessage());
        assertTrue(e.getMessage().contains("site.yaml:"), e.getMessage());
    }

    @Test
    void missingFileIsAnError() {
        Path missing = dir.resolve("nope.yaml");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(missing, Map.of(), List.of()));
        assertTrue(e.getMessage().contains("no such file"), e.getMessage());
    }

    @Test
    void choicesNameTheirOptions() throws Exception {
        ConfigException e = failure("health:\n  depth: deep\n");
        assertTrue(e.problems().get(0).contains("health.depth: expected one of OPTIONS, DESCRIBE, MEDIA, got 'deep'"),
                e.getMessage());
        WardnetConfig config = ConfigLoader.load(write("health:\n  depth: describe\n"), Map.of(), List.of());
        assertEquals("DESCRIBE", config.get(WardnetKeys.HEALTH_DEPTH));
    }

    @Test
    void booleanValuesAreStrict() {
        assertTrue(ValueType.bool().parse("true").orElseThrow());
        assertTrue(ValueType.bool().parse("yes").isEmpty());
    }

    @Test
    void environmentOverridesFileAndSetOverridesEnvironment() throws Exception {
        Path file = write("server:\n  port: 9090\n  host: 0.0.0.0\n");
        WardnetConfig config = ConfigLoader.load(file,
                Map.of("WARDNET_SERVER_PORT", "9091", "WARDNET_SERVER_MAX_HEADER_BYTES", "16384", "HOME", "/root"),
                List.of("server.port=9092"));
        assertEquals(9092, config.get(WardnetKeys.SERVER_PORT));
        assertEquals("--set server.port", config.sourceOf(WardnetKeys.SERVER_PORT));
        assertEquals(16384, config.get(WardnetKeys.SERVER_MAX_HEADER_BYTES));
        assertEquals("0.0.0.0", config.get(WardnetKeys.SERVER_HOST));
    }

    @Test
    void badOverridesAreReported() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(null,
                Map.of("WARDNET_API_MAX_PAGE_SIZE", "lots"), List.of("server.port", "server.nope=1")));
        assertEquals(3, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().contains("expected KEY=VALUE"), e.getMessage());
        assertTrue(e.getMessage().contains("unknown key 'server.nope'"), e.getMessage());
        assertTrue(e.getMessage().contains("environment variable WARDNET_API_MAX_PAGE_SIZE"), e.getMessage());
    }

    @Test
    void environmentNamesAreSnakeCase() {
        assertEquals("WARDNET_SERVER_MAX_JSON_BODY_BYTES", WardnetKeys.SERVER_MAX_JSON_BODY_BYTES.environmentName());
        assertEquals("WARDNET_STORE_DATA_DIR", WardnetKeys.STORE_DATA_DIR.environmentName());
    }
}
