package io.cutcheck.workloads.append;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cutcheck.harness.client.Client;
import io.cutcheck.harness.history.Op;
import io.cutcheck.harness.history.OpType;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * Appends one batch of records to the harness's input log per {@code append} operation:
 * {@code POST {inputLog}/partitions/{p}/records} with the batch as a JSON array, answered by
 * {@code {"partition","first","count"}}.
 *
 * <p>Outcomes, as the {@link Client} rules ask: a 2xx answer is {@code OK} with that answer as
 * the value; a 4xx answer is {@code FAIL} (the log refused the batch, nothing was appended);
 * a 5xx answer, a timeout, a broken connection or an answer that cannot be read is {@code INFO},
 * because the batch may have been appended all the same.
 */
public final class AppendClient implements Client {

    /** The operation's function name in the history. */
    public static final String APPEND = "append";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI inputLog;
    private final Duration timeout;
    private final HttpClient http;

    public AppendClient(URI inputLog, Duration timeout) {
        this.inputLog = inputLog;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1).build();
    }

    @Override
    public Op invoke(Op invocation) throws InterruptedException {
        if (!APPEND.equals(invocation.f()) || !AppendBatch.isBatch(invocation.value())) {
            return invocation.complete(OpType.FAIL, null, "not an append of a batch: " + invocation.f());
        }
        AppendBatch batch = AppendBatch.of(invocation.value());
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(inputLog.resolve("/partitions/" + batch.partition() + "/records"))
                    .timeout(timeout)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(batch.records())))
                    .build();
        } catch (IOException e) {
            return invocation.complete(OpType.FAIL, null, "cannot encode the batch: " + e.getMessage());
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            return invocation.complete(OpType.INFO, null, "timeout after " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            return invocation.complete(OpType.INFO, null, "connection: " + e);
        }
        return completion(invocation, response.statusCode(), response.body());
    }

    static Op completion(Op invocation, int status, byte[] body) {
        if (status >= 400 && status < 500) {
            return invocation.complete(OpType.FAIL, null, "input log answered " + status + ": " + oneLine(body));
        }
        if (status < 200 || status >= 300) {
            return invocation.complete(OpType.INFO, null, "input log answered " + status + ": " + oneLine(body));
        }
        try {
            JsonNode answer = JSON.readTree(body);
            if (answer == null || !answer.path("first").canConvertToLong() || !answer.path("count").canConvertToInt()) {
                return invocation.complete(OpType.INFO, null, "unreadable answer: " + oneLine(body));
            }
            ObjectNode result = JSON.createObjectNode();
            result.put("partition", answer.path("partition").asInt());
            result.put("first", answer.path("first").asLong());
            result.put("count", answer.path("count").asInt());
            return invocation.complete(OpType.OK, result, null);
        } catch (IOException e) {
            return invocation.complete(OpType.INFO, null, "unreadable answer: " + oneLine(body));
        }
    }

    private static String oneLine(byte[] body) {
        String text = body == null ? "" : new String(body, java.nio.charset.StandardCharsets.UTF_8);
        text = text.replaceAll("\\s+", " ").strip();
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
