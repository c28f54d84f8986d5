package org.wardnet.server.api;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import org.wardnet.app.install.Installation;
import org.wardnet.app.install.VerifyBatch;
import org.wardnet.app.registry.Cameras;
import org.wardnet.app.work.BlockingWork;
import org.wardnet.core.access.Caller;
import org.wardnet.core.errors.FieldError;
import org.wardnet.core.registry.CameraDraft;
import org.wardnet.core.registry.CameraImport;
import org.wardnet.server.http.ApiException;
import org.wardnet.server.http.ApiRequest;
import org.wardnet.server.http.ApiResponse;
import org.wardnet.server.http.JsonCodec;
import org.wardnet.server.http.Problem;

/**
 * {@code POST /api/v1/cameras/import}: bulk registration from CSV ({@link CameraCsv}) or NDJSON
 * (one camera object per line). Every row gets a result; valid rows are registered in one
 * transaction, or with {@code ?atomic=true} nothing is when any row fails (422); {@code ?verify=true}
 * then verifies the imported ONVIF cameras in the background (a batch, see the installer's API). Re-importing the
 * same file changes nothing. Parsing runs on the write executor, not the event loop.
 */
final class CameraImportResource {

    static final String PATH = "/api/v1/cameras/import";
    private static final Set<String> CSV = Set.of("text/csv");
    private static final Set<String> NDJSON = Set.of("application/x-ndjson", "application/ndjson", "application/jsonl");

    private final Cameras cameras;
    private final Installation installation;
    private final BlockingWork writes;
    private final JsonCodec json;

    CameraImportResource(Cameras cameras, Installation installation, BlockingWork writes, JsonCodec json) {
        this.cameras = cameras;
        this.installation = installation;
        this.writes = writes;
        this.json = json;
    }

    CompletableFuture<ApiResponse> importCameras(ApiRequest request) {
        boolean atomic = RequestParams.flag(request, "atomic");
        boolean verify = RequestParams.flag(request, "verify");
        String media = request.mediaType();
        Set<String> accepted = new TreeSet<>(CSV);
        accepted.addAll(NDJSON);
        RequestBodies.requireMediaType(request, accepted);
        boolean csv = CSV.contains(media);
        Caller caller = request.caller();
        return writes.submit(() -> {
            String text = Utf8Body.decode(request.body());
            List<CameraImport.Row> rows = csv ? csvRows(text) : ndjsonRows(text);
            CameraImport.Outcome outcome = cameras.importRows(caller, rows, atomic);
            if (!outcome.applied()) {
                Problem problem = Problem.of(HttpResponseStatus.UNPROCESSABLE_ENTITY, "import-rejected",
                        "Import rejected", outcome.failed() + " of " + outcome.total() + " rows are invalid and the"
                                + " import is atomic, so nothing was registered; see results");
                Map<?, ?> members = json.mapper().convertValue(summary(outcome, csv, null), Map.class);
                for (Map.Entry<?, ?> member : members.entrySet()) {
                    problem = problem.withExtension(String.valueOf(member.getKey()), member.getValue());
                }
                throw new ApiException(problem);
            }
            VerifyBatch batch = verify ? installation.verifyImported(outcome) : null;
            return ApiResponse.json(HttpResponseStatus.OK, json.write(summary(outcome, csv, batch)));
        });
    }

    private List<CameraImport.Row> csvRows(String text) {
        List<CsvReader.Record> records = new CsvReader(text).readAll();
        if (records.isEmpty()) {
            throw new ApiException(Problem.badRequest("the CSV is empty; the first line must be the header: "
                    + String.join(",", CameraCsv.COLUMNS)));
        }
        CsvReader.Record headerRecord = records.get(0);
        if (headerRecord.error() != null) {
            throw new ApiException(Problem.badRequest("the CSV header is malformed: " + headerRecord.error()));
        }
        CameraCsv.Header header = CameraCsv.header(headerRecord.fields());
        if (!header.problems().isEmpty()) {
            throw new ApiException(Problem.badRequest("the CSV header is wrong: " + String.join("; ", header.problems())));
        }
        List<CameraImport.Row> rows = new ArrayList<>(records.size() - 1);
        for (int i = 1; i < records.size(); i++) {
            rows.add(header.columns().row(i, records.get(i)));
        }
        return rows;
    }

    private List<CameraImport.Row> ndjsonRows(String text) {
        List<CameraImport.Row> rows = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            int number = i + 1;
            try {
                CameraDraft draft = json.mapper().readValue(lines[i], CameraDraft.class);
                rows.add(new CameraImport.Row(number, draft, List.of()));
            } catch (IOException e) {
                Problem problem = JsonCodec.problemFor(e);
                String field = problem.errors().isEmpty() ? "" : String.valueOf(problem.errors().get(0).get("field"));
                rows.add(new CameraImport.Row(number, null, List.of(new FieldError(field, problem.detail()))));
            }
        }
        return rows;
    }

    /** What an import did, row by row; with the verification it started when asked. */
    record ImportJson(boolean atomic, boolean applied, int total, int created, int updated, int unchanged, int failed,
            List<RowJson> results, VerifyBatch.Status verification, String verificationUrl) {
    }

    /** One row's result; {@code errors} only for a row that failed. */
    record RowJson(int row, String id, String status, List<ErrorJson> errors) {
    }

    /** A CSV row's error names its column, an NDJSON row's its field. */
    record ErrorJson(String column, String field, String reason) {
    }

    private static ImportJson summary(CameraImport.Outcome outcome, boolean csv, VerifyBatch batch) {
        List<RowJson> results = new ArrayList<>(outcome.results().size());
        for (CameraImport.RowResult result : outcome.results()) {
            results.add(new RowJson(result.row(), result.id(), result.status().name().toLowerCase(Locale.ROOT),
                    result.errors().isEmpty() ? null
                            : result.errors().stream().map(error -> errorOf(error, csv)).toList()));
        }
        return new ImportJson(outcome.atomic(), outcome.applied(), outcome.total(), outcome.created(),
                outcome.updated(), outcome.unchanged(), outcome.failed(), results,
                batch == null ? null : batch.status(Integer.MAX_VALUE),
                batch == null ? null : "/api/v1/verifications/" + batch.id());
    }

    private static ErrorJson errorOf(FieldError error, boolean csv) {
        return csv ? new ErrorJson(CameraCsv.columnOf(error.field()), null, error.reason())
                : new ErrorJson(null, error.field(), error.reason());
    }
}
