package io.cutcheck.sut.services;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutcheck.sut.http.JsonHttpClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OutputStoreServerTest {
    private final OutputStoreServer server = new OutputStoreServer("127.0.0.1", 0, new OutputStore()).start();
    private final JsonHttpClient client = new JsonHttpClient("http://127.0.0.1:" + server.port());

    @AfterEach
    void close() {
        server.close();
    }

    private int stage(String txn, int n) throws Exception {
        List<Map<String, Object>> records = java.util.stream.IntStream.range(0, n)
                .mapToObj(i -> {
                    Map<String, Object> record = new java.util.LinkedHashMap<>();
                    record.put("key", "k");
                    record.put("count", i + 1);
                    return record;
                }).toList();
        return client.post("/transactions/" + txn + "/records?owner=sink-0", records).status();
    }

    private int call(String txn, String verb) throws Exception {
        return client.post("/transactions/" + txn + "/" + verb, new byte[0]).status();
    }

    @Test
    void recordsBecomeVisibleOnlyWhenTheirPreparedTransactionCommits() throws Exception {
        assertThat(stage("t1", 2)).isEqualTo(200);
        assertThat(client.get("/output?from=0").json().get("records")).isEmpty();
        assertThat(call("t1", "commit")).as("open transactions cannot commit").isEqualTo(409);
        assertThat(client.post("/transactions/t1/prepare", Map.of("owner", "sink-0", "checkpoint", 7)).status()).isEqualTo(200);
        assertThat(stage("t1", 1)).as("a prepared transaction takes no more records").isEqualTo(409);
        assertThat(call("t1", "commit")).isEqualTo(200);
        assertThat(call("t1", "commit")).as("commit is idempotent").isEqualTo(200);

        JsonNode output = client.get("/output?from=0&max=10").json();
        assertThat(output.get("end").asLong()).isEqualTo(2);
        assertThat(output.get("records").get(1).toString())
                .isEqualTo("{\"seq\":1,\"txn\":\"t1\",\"checkpoint\":7,\"record\":{\"key\":\"k\",\"count\":2}}");
        assertThat(call("t1", "abort")).isEqualTo(409);
    }

    @Test
    void abortedTransactionsNeverBecomeVisibleAndFenceLateWrites() throws Exception {
        stage("t2", 3);
        client.post("/transactions/t2/prepare", Map.of("owner", "sink-0", "checkpoint", 8));
        assertThat(call("t2", "abort")).isEqualTo(200);
        assertThat(call("t2", "commit")).isEqualTo(409);
        assertThat(call("t3", "abort")).isEqualTo(200);
        assertThat(stage("t3", 1)).isEqualTo(409);
        assertThat(client.get("/output").json().get("end").asLong()).isZero();
        assertThat(call("nope", "commit")).isEqualTo(404);
    }

    @Test
    void listsTransactionsByOwnerAndStateForRecovery() throws Exception {
        stage("a", 1);
        stage("b", 2);
        client.post("/transactions/b/prepare", Map.of("owner", "sink-0", "checkpoint", 3));
        JsonNode prepared = client.get("/transactions?owner=sink-0&state=prepared").json();
        assertThat(prepared.toString())
                .isEqualTo("[{\"txn\":\"b\",\"owner\":\"sink-0\",\"checkpoint\":3,\"state\":\"prepared\",\"records\":2}]");
        assertThat(client.get("/transactions?owner=sink-0&state=open").json().get(0).get("txn").asText()).isEqualTo("a");
        assertThat(client.get("/transactions?state=nonsense").status()).isEqualTo(400);
        JsonNode stats = client.get("/stats").json();
        assertThat(stats.get("committed").asLong()).isZero();
        assertThat(stats.get("staged").asLong()).isEqualTo(3);
    }
}
