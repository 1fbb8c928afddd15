package io.cutcheck.sut.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A blocking JSON client for the harness's services and control endpoints. */
public final class JsonHttpClient {

    /** A status and the raw body. */
    public record Response(int status, byte[] body) {
        public JsonNode json() {
            try {
                return body.length == 0 ? ProtocolJson.MAPPER.missingNode() : ProtocolJson.MAPPER.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public boolean ok() {
            return status / 100 == 2;
        }
    }

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private final String base;

    public JsonHttpClient(String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    public Response get(String path) throws IOException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    public Response post(String path, byte[] body) throws IOException {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public Response post(String path, Object body) throws IOException {
        return post(path, ProtocolJson.MAPPER.writeValueAsBytes(body));
    }

    public Response put(String path, Object body) throws IOException {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(ProtocolJson.MAPPER.writeValueAsBytes(body))));
    }

    private Response send(HttpRequest.Builder request) throws IOException {
        try {
            HttpResponse<byte[]> response = client.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Response(response.statusCode(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
