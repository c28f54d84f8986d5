package org.wardnet.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wardnet.server.ProblemAssertions.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import org.junit.jupiter.api.Test;
import org.wardnet.config.WardnetConfig;
import org.wardnet.config.WardnetKeys;
import org.wardnet.core.registry.SiteDraft;
import org.wardnet.server.ApiTestBase;
import org.wardnet.server.TestServer;
import org.wardnet.simulator.district.District;
import org.wardnet.simulator.district.DistrictFiles;
import org.wardnet.simulator.district.DistrictGenerator;

class CameraImportApiTest extends ApiTestBase {

    private static final String HEADER = "id,siteId,name,lat,lon,rtspUrl,rtspPassword\n";

    @Override
    protected WardnetConfig configure(WardnetConfig config) {
        return config.with(WardnetKeys.SERVER_MAX_IMPORT_BODY_BYTES, 8L * 1024 * 1024);
    }

    private HttpResponse<String> importCsv(String query, String csv) throws Exception {
        return api.post("/api/v1/cameras/import" + query, "text/csv", csv);
    }

    @Test
    void theWholeReferenceDistrictImportsAndReimportsIdempotently() throws Exception {
        District district = DistrictGenerator.reference();
        api.delete("/api/v1/sites/C?cascade=true");
        for (SiteDraft site : district.sites()) {
            assertEquals(201, api.postJson("/api/v1/sites", DistrictFiles.siteJson(site)).statusCode());
        }
        String csv = DistrictFiles.camerasCsv(district);
        JsonNode first = TestServer.json(importCsv("?atomic=true", csv));
        assertEquals(12_414, first.get("created").asInt(), first.toString().substring(0, 300));
        assertEquals(12_414, first.get("results").size());
        JsonNode again = TestServer.json(importCsv("", csv));
        assertEquals(12_414, again.get("unchanged").asInt());
        assertEquals(0, again.get("created").asInt() + again.get("updated").asInt() + again.get("failed").asInt());
        JsonNode room = TestServer.json(api.get("/api/v1/cameras?site=sub-05&limit=1000"));
        assertTrue(room.get("items").size() > 300, "substation 5 holds its road cameras and its rooms'");
    }

    @Test
    void aBrokenRowInTheMiddleIsReportedAndTheOthersRegistered() throws Exception {
        String csv = HEADER
                + "c1,R1,Gate,29.1,121.1,rtsp://127.1.0.1/a,pw\n"
                + "c2,R1,\"Lobby, east\",29.2,121.2,rtsp://127.1.0.2/a,pw\n"
                + "c3,R1,Broken,north,121.3,rtsp://127.1.0.3/a,pw\n"
                + "c4,R1,Bad \"quote,29.4,121.4,rtsp://127.1.0.4/a,pw\n"
                + "c5,R9,No site,29.5,121.5,rtsp://127.1.0.5/a,pw\n"
                + "c6,R2,Short row,29.6\n"
                + "c7,R2,Yard,29.7,121.7,rtsp://127.1.0.7/a,pw\n";
        HttpResponse<String> response = importCsv("", csv);
        assertEquals(200, response.statusCode(), response.body());
        JsonNode result = TestServer.json(response);
        assertEquals(7, result.get("total").asInt());
        assertEquals(3, result.get("created").asInt());
        assertEquals(4, result.get("failed").asInt());
        JsonNode rows = result.get("results");
        assertEquals("lat", rows.get(2).get("errors").get(0).get("column").asText());
        assertTrue(rows.get(2).get("errors").get(0).get("reason").asText().contains("not a number: 'north'"));
        assertEquals(4, rows.get(3).get("row").asInt());
        assertTrue(rows.get(3).get("errors").get(0).get("reason").asText().contains("quote"));
        assertEquals("siteId", rows.get(4).get("errors").get(0).get("column").asText());
        assertTrue(rows.get(5).get("errors").get(0).get("reason").asText().contains("expected 7 columns"));
        assertEquals("created", rows.get(6).get("status").asText());
        assertEquals("Lobby, east", TestServer.json(api.get("/api/v1/cameras/c2")).get("name").asText());
        assertEquals(200, api.get("/api/v1/cameras/c7").statusCode());
    }

    @Test
    void atomicImportWithAFailureRegistersNothing() throws Exception {
        String csv = HEADER + "c1,R1,Gate,29.1,121.1,rtsp://127.1.0.1/a,pw\n" + "c2,R1,Bad,95,121.1,rtsp://127.1.0.2/a,pw\n";
        JsonNode problem = assertProblem(importCsv("?atomic=true", csv), 422, "nothing was registered");
        assertFalse(problem.get("applied").asBoolean());
        assertEquals("lat", problem.get("results").get(1).get("errors").get(0).get("column").asText());
        assertEquals(404, api.get("/api/v1/cameras/c1").statusCode());
    }

    @Test
    void wrongEncodingIsRefusedWithWhereItBroke() throws Exception {
        byte[] gbk = (HEADER + "c1,R1,海曙区大门,29.1,121.1,rtsp://127.1.0.1/a,pw\n").getBytes(Charset.forName("GBK"));
        assertProblem(api.post("/api/v1/cameras/import", "text/csv", gbk), 400, "line 2");
        assertProblem(api.post("/api/v1/cameras/import", "text/csv; charset=gbk", gbk), 415, "charset=gbk");
        assertEquals(404, api.get("/api/v1/cameras/c1").statusCode());
        byte[] utf8WithBom = ("\uFEFF" + HEADER + "c1,R1,海曙区大门,29.1,121.1,rtsp://127.1.0.1/a,pw\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(200, api.post("/api/v1/cameras/import", "text/csv; charset=utf-8", utf8WithBom).statusCode());
        assertEquals("海曙区大门", TestServer.json(api.get("/api/v1/cameras/c1")).get("name").asText());
    }

    @Test
    void headerProblemsRefuseTheWholeFile() throws Exception {
        assertProblem(importCsv("", "id,siteId,name,lat,lon,rtspUrl,colour\n"), 400, "unknown column 'colour'");
        assertProblem(importCsv("", "id,siteId,name,lat\n"), 400, "required column 'lon'");
        assertProblem(importCsv("", ""), 400, "empty");
        assertProblem(api.post("/api/v1/cameras/import", "application/json", "{}"), 415, "text/csv");
    }

    @Test
    void ndjsonRowsAreCheckedOneByOne() throws Exception {
        String ndjson = TestServer.camera("n1", "R1") + "\n\n{\"id\":\"n2\",\"bogus\":1}\n" + "{not json\n"
                + TestServer.camera("n3", "R2") + "\n";
        JsonNode result = TestServer.json(api.post("/api/v1/cameras/import", "application/x-ndjson", ndjson));
        assertEquals(2, result.get("created").asInt());
        JsonNode rows = result.get("results");
        assertEquals(3, rows.get(1).get("row").asInt(), "rows are line numbers; the blank line is skipped");
        assertEquals("bogus", rows.get(1).get("errors").get(0).get("field").asText());
        assertTrue(rows.get(2).get("errors").get(0).get("reason").asText().contains("malformed JSON"));
    }

    @Test
    void anImportOverTheBodyLimitIsRefused() throws Exception {
        StringBuilder csv = new StringBuilder(HEADER);
        while (csv.length() < 9 * 1024 * 1024) {
            csv.append("c1,R1,Gate,29.1,121.1,rtsp://127.1.0.1/a,pw\n");
        }
        assertProblem(importCsv("", csv.toString()), 413, "the limit here is 8388608 bytes");
        assertEquals(404, api.get("/api/v1/cameras/c1").statusCode());
    }
}
