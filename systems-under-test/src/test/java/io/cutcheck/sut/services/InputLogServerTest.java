package io.cutcheck.sut.services;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutcheck.sut.http.JsonHttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InputLogServerTest {
    private final InputLogServer server = new InputLogServer("127.0.0.1", 0, new InputLog(2)).start();
    private final JsonHttpClient client = new JsonHttpClient("http://127.0.0.1:" + server.port());

    @AfterEach
    void close() {
        server.close();
    }

    private static List<Map<String, Object>> records(int from, int n) {
        List<Map<String, Object>> records = new ArrayList<>();
        for (int i = from; i < from + n; i++) {
            records.add(Map.of("key", "k" + (i % 7), "value", i));
        }
        return records;
    }

    @Test
    void appendsAndReadsByOffsetInOrder() throws Exception {
        JsonNode first = client.post("/partitions/1/records", records(0, 3)).json();
        assertThat(first.toString()).isEqualTo("{\"partition\":1,\"first\":0,\"count\":3}");
        assertThat(client.post("/partitions/1/records", records(3, 2)).json().get("first").asLong()).isEqualTo(3);

        JsonNode read = client.get("/partitions/1/records?from=2&max=2").json();
        assertThat(read.get("from").asLong()).isEqualTo(2);
        assertThat(read.get("end").asLong()).isEqualTo(5);
        assertThat(read.get("records").toString())
                .isEqualTo("[{\"offset\":2,\"key\":\"k2\",\"value\":2},{\"offset\":3,\"key\":\"k3\",\"value\":3}]");
        assertThat(client.get("/partitions").json().toString()).isEqualTo("{\"partitions\":2,\"ends\":[0,5]}");
    }

    @Test
    void aLongPollAnswersAsSoonAsARecordArrives() throws Exception {
        CompletableFuture<JsonNode> poll = CompletableFuture.supplyAsync(() -> {
            try {
                return client.get("/partitions/0/records?from=0&max=10&waitMs=5000").json();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(200);
        assertThat(poll).isNotDone();
        long start = System.nanoTime();
        client.post("/partitions/0/records", records(0, 1));
        assertThat(poll.get().get("records")).hasSize(1);
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2000);
    }

    @Test
    void anEmptyLongPollTimesOutWithNoRecords() throws Exception {
        JsonNode read = client.get("/partitions/0/records?from=0&max=10&waitMs=100").json();
        assertThat(read.get("records")).isEmpty();
        assertThat(read.get("end").asLong()).isZero();
    }

    @Test
    void badRequestsAreOneLineErrors() throws Exception {
        assertThat(client.get("/partitions/9/records?from=0").status()).isEqualTo(404);
        assertThat(client.get("/partitions/0/records?from=x").status()).isEqualTo(400);
        JsonHttpClient.Response bad = client.post("/partitions/0/records", "{\"not\":\"an array\"}".getBytes());
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("error").asText()).doesNotContain("\n");
        assertThat(client.get("/nowhere").status()).isEqualTo(404);
    }

    @Test
    void sustainsWellOverAHundredThousandRecordsPerSecondWithBatchedReads() throws Exception {
        int total = 400_000;
        int batch = 5000;
        for (int i = 0; i < total; i += batch) {
            client.post("/partitions/0/records", records(i, batch));
        }
        long start = System.nanoTime();
        long offset = 0;
        while (offset < total) {
            JsonNode read = client.get("/partitions/0/records?from=" + offset + "&max=" + batch).json();
            offset += read.get("records").size();
        }
        double perSecond = total / ((System.nanoTime() - start) / 1e9);
        assertThat(perSecond).as("records/s read").isGreaterThan(100_000);
    }
}
