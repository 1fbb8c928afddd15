package io.cutcheck.harness.sut;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * JSON over HTTP with short timeouts, every outcome a {@link Reply}. Shared by the node client
 * and the clients of the harness's services.
 */
public final class HttpJson {

    static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private static final HttpClient SHARED = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(1))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    private final URI base;
    private final Duration timeout;

    public HttpJson(URI base, Duration timeout) {
        this.base = base;
        this.timeout = timeout;
    }

    public URI base() {
        return base;
    }

    public <T> Reply<T> get(String pathAndQuery, Class<T> type) {
        return send(request(pathAndQuery).GET().build(), MAPPER.constructType(type));
    }

    public <T> Reply<T> get(String pathAndQuery, JavaType type) {
        return send(request(pathAndQuery).GET().build(), type);
    }

    public <T> Reply<T> send(String method, String pathAndQuery, Object body, Class<T> type) {
        try {
            byte[] bytes = body == null ? new byte[0] : MAPPER.writeValueAsBytes(body);
            HttpRequest req = request(pathAndQuery)
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(bytes))
                    .header("Content-Type", "application/json")
                    .build();
            return send(req, MAPPER.constructType(type));
        } catch (IOException e) {
            return Reply.failed(Reply.Failure.ERROR, 0, "cannot encode the request: " + e.getMessage());
        }
    }

    public static JavaType listOf(Class<?> element) {
        return MAPPER.getTypeFactory().constructCollectionType(java.util.List.class, element);
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(timeout);
    }

    private <T> Reply<T> send(HttpRequest request, JavaType type) {
        HttpResponse<byte[]> response;
        try {
            response = SHARED.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            return Reply.failed(Reply.Failure.TIMEOUT, 0, request.method() + " " + request.uri().getPath() + " timed out");
        } catch (ConnectException e) {
            return Reply.failed(Reply.Failure.UNREACHABLE, 0, "cannot connect to " + request.uri().getAuthority());
        } catch (IOException e) {
            return Reply.failed(Reply.Failure.UNREACHABLE, 0, String.valueOf(e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Reply.failed(Reply.Failure.UNREACHABLE, 0, "interrupted");
        }
        int status = response.statusCode();
        if (status >= 400) {
            return Reply.failed(status < 500 ? Reply.Failure.REFUSED : Reply.Failure.ERROR, status, errorOf(response.body()));
        }
        try {
            return Reply.ok(MAPPER.readValue(response.body(), type));
        } catch (IOException e) {
            String why = e instanceof com.fasterxml.jackson.core.JsonProcessingException json ? json.getOriginalMessage()
                    : e.getMessage();
            return Reply.failed(Reply.Failure.ERROR, status, "bad JSON from " + request.uri().getPath() + ": " + why);
        }
    }

    private static String errorOf(byte[] body) {
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node != null && node.hasNonNull("error")) {
                return node.get("error").asText();
            }
        } catch (IOException ignored) {
            // not JSON: fall through to the raw text
        }
        String text = new String(body, java.nio.charset.StandardCharsets.UTF_8).strip();
        return text.length() > 200 ? text.substring(0, 200) : text;
    }
}
