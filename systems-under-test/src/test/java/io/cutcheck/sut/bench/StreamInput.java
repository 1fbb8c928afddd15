package io.cutcheck.sut.bench;

import io.cutcheck.sut.http.JsonHttpClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Appends stream-workload records ({@code {"key":"k17","value":5}}) to the input log in batches. */
public final class StreamInput {
    private StreamInput() {
    }

    /** Appends {@code count} records to {@code partition}; record {@code i} has key {@code k(i mod keys)} and value {@code i mod 10 + 1}. */
    public static void append(JsonHttpClient inputLog, int partition, long firstIndex, int count, int keys) throws IOException {
        int batch = 10_000;
        for (int done = 0; done < count; done += batch) {
            int n = Math.min(batch, count - done);
            StringBuilder body = new StringBuilder(n * 28).append('[');
            for (int i = 0; i < n; i++) {
                long index = firstIndex + done + i;
                if (i > 0) {
                    body.append(',');
                }
                body.append("{\"key\":\"k").append(index % keys).append("\",\"value\":").append(index % 10 + 1).append('}');
            }
            body.append(']');
            JsonHttpClient.Response response = inputLog.post("/partitions/" + partition + "/records",
                    body.toString().getBytes(StandardCharsets.UTF_8));
            if (!response.ok()) {
                throw new IOException("append answered " + response.status());
            }
        }
    }
}
