package org.wardnet.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.wardnet.core.errors.FieldError;
import org.wardnet.core.registry.Validated;
import org.wardnet.server.http.ApiException;
import org.wardnet.server.http.ApiRequest;
import org.wardnet.server.http.ApiResponse;
import org.wardnet.server.http.JsonCodec;
import org.wardnet.server.http.Problem;

/**
 * One NDJSON batch of rows of the same kind (clips, sightings): every line is read and checked,
 * each result names its line; the valid rows are stored together unless the batch is atomic and
 * a row failed, in which case nothing is stored and the answer is 422 with every row's result.
 *
 * @param <D> the draft a line is read as
 * @param <T> the checked row
 */
public final class NdjsonBatch<D, T> {

    /** The media types an NDJSON body may carry. */
    public static final Set<String> MEDIA_TYPES = Set.of("application/x-ndjson", "application/ndjson", "application/jsonl");

    /**
     * Checks the body is JSON or NDJSON (415 otherwise) and says which: one object to store on
     * its own, or a batch for {@link #run}.
     */
    static boolean singleObject(ApiRequest request) {
        Set<String> accepted = new TreeSet<>(MEDIA_TYPES);
        accepted.add("application/json");
        RequestBodies.requireMediaType(request, accepted);
        return request.mediaType().equals("application/json");
    }

    private final ObjectMapper mapper;
    private final Class<D> draftType;
    private final Function<D, Validated<T>> check;
    private final int maxRows;
    private final String noun;

    /**
     * @param noun what the rows are, plural, for messages ("clips")
     */
    NdjsonBatch(ObjectMapper mapper, Class<D> draftType, Function<D, Validated<T>> check, int maxRows, String noun) {
        this.mapper = mapper;
        this.draftType = draftType;
        this.check = check;
        this.maxRows = maxRows;
        this.noun = noun;
    }

    /**
     * Reads, checks and (per {@code atomic}) stores the batch.
     *
     * @param store stores the valid rows in one transaction and returns their ids in order
     */
    ApiResponse run(String text, boolean atomic, Function<List<T>, List<Long>> store, JsonCodec json) {
        String[] lines = text.split("\r?\n", -1);
        List<Map<String, Object>> results = new ArrayList<>();
        List<T> valid = new ArrayList<>();
        List<Map<String, Object>> validResults = new ArrayList<>();
        int failed = 0;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            if (results.size() >= maxRows) {
                throw new ApiException(Problem.of(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, "too-many-rows",
                        "Too many rows", "the batch has over " + maxRows + " rows (api.maxImportRows); split it"));
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("row", i + 1);
            List<FieldError> errors;
            try {
                Validated<T> checked = check.apply(mapper.readValue(lines[i], draftType));
                errors = checked.errors();
                if (checked.isValid()) {
                    valid.add(checked.value());
                    validResults.add(result);
                }
            } catch (IOException e) {
                Problem problem = JsonCodec.problemFor(e);
                String field = problem.errors().isEmpty() ? "" : String.valueOf(problem.errors().get(0).get("field"));
                errors = List.of(new FieldError(field, problem.detail()));
            }
            if (!errors.isEmpty()) {
                failed++;
                result.put("status", "failed");
                result.put("errors", errors.stream().map(e -> JsonCodec.fieldError(e.field(), e.reason())).toList());
            }
            results.add(result);
        }
        boolean apply = !(atomic && failed > 0);
        if (apply && !valid.isEmpty()) {
            List<Long> ids = store.apply(valid);
            for (int i = 0; i < ids.size(); i++) {
                validResults.get(i).put("status", "created");
                validResults.get(i).put("id", ids.get(i));
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("atomic", atomic);
        body.put("applied", apply);
        body.put("total", results.size());
        body.put("created", apply ? valid.size() : 0);
        body.put("failed", failed);
        body.put("results", results);
        if (!apply) {
            Problem problem = Problem.of(HttpResponseStatus.UNPROCESSABLE_ENTITY, "ingest-rejected", "Ingest rejected",
                    failed + " of " + results.size() + " rows are invalid and the batch is atomic, so no " + noun
                            + " were stored; see results");
            for (Map.Entry<String, Object> member : body.entrySet()) {
                problem = problem.withExtension(member.getKey(), member.getValue());
            }
            throw new ApiException(problem);
        }
        return ApiResponse.json(HttpResponseStatus.OK, json.write(body));
    }
}
