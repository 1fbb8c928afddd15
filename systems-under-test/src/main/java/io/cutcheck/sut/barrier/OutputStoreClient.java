package io.cutcheck.sut.barrier;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutcheck.sut.http.JsonHttpClient;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@link TransactionalOutput} over the output store's HTTP API; output records as PROTOCOL.md section 6 says. */
final class OutputStoreClient implements TransactionalOutput {
    private final JsonHttpClient http;
    private final String owner;
    /** Its buffer is reused from call to call. */
    private final OutputRecordsJson json = new OutputRecordsJson();

    OutputStoreClient(String baseUrl, String owner) {
        this.http = new JsonHttpClient(baseUrl);
        this.owner = owner;
    }

    @Override
    public void stage(String txn, List<StreamRecord> records) throws IOException {
        expect(http.post(path(txn, "records") + "?owner=" + enc(owner), json.encode(records)), "stage " + txn);
    }

    @Override
    public void prepare(String txn, long checkpoint) throws IOException {
        expect(http.post(path(txn, "prepare"), Map.of("owner", owner, "checkpoint", checkpoint)), "prepare " + txn);
    }

    @Override
    public void commit(String txn) throws IOException {
        expect(http.post(path(txn, "commit"), new byte[0]), "commit " + txn);
    }

    @Override
    public void abort(String txn) throws IOException {
        expect(http.post(path(txn, "abort"), new byte[0]), "abort " + txn);
    }

    @Override
    public List<Txn> list(String state) throws IOException {
        JsonHttpClient.Response response = http.get("/transactions?owner=" + enc(owner) + "&state=" + state);
        expect(response, "list transactions");
        List<Txn> result = new ArrayList<>();
        for (JsonNode t : response.json()) {
            result.add(new Txn(t.path("txn").asText(), t.hasNonNull("checkpoint") ? t.get("checkpoint").asLong() : null));
        }
        return result;
    }

    private static String path(String txn, String verb) {
        return "/transactions/" + enc(txn) + "/" + verb;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static void expect(JsonHttpClient.Response response, String what) throws IOException {
        if (!response.ok()) {
            throw new IOException(what + ": output store answered " + response.status() + " "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
    }
}
