package io.cutcheck.cli.conform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Raw HTTP calls to a node, keeping everything a rule may judge or show: the status, the
 * content type, the body as text. Unlike the harness's client it never interprets the answer,
 * because the answer itself is what the kit checks, and each call prints as one line of
 * evidence a system's author can replay with curl.
 */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final int SHOWN_BODY = 240;
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(1))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    private Http() {}

    /**
     * One call and its answer. {@code status} is 0 when no answer came; then {@code error} says why.
     */
    record Call(String method, URI uri, String requestBody, int status, String contentType, String body,
                String error) {

        boolean answered() {
            return status > 0;
        }

        /** The body as JSON, or null when it is not JSON (or there was no answer). */
        JsonNode json() {
            if (body == null || body.isBlank()) {
                return null;
            }
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                return null;
            }
        }

        /** {@code PUT http://…/triggers {"intervalMs":-1} → 400 {"error":"…"}} on one line. */
        String describe() {
            String request = method + " " + uri + (requestBody == null ? "" : " " + clip(requestBody));
            if (!answered()) {
                return request + " → no answer (" + error + ")";
            }
            return request + " → " + status + (body == null || body.isEmpty() ? " (empty body)" : " " + clip(body));
        }
    }

    static Call get(URI base, String path) {
        return call("GET", base, path, null, TIMEOUT);
    }

    static Call post(URI base, String path, String body) {
        return call("POST", base, path, body, TIMEOUT);
    }

    static Call put(URI base, String path, String body) {
        return call("PUT", base, path, body, TIMEOUT);
    }

    /** Any method; {@code body} null sends none. */
    static Call call(String method, URI base, String path, String body, Duration timeout) {
        URI uri = base.resolve(path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        }
        try {
            HttpResponse<byte[]> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Call(method, uri, body, response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    new String(response.body(), StandardCharsets.UTF_8), null);
        } catch (HttpTimeoutException e) {
            return new Call(method, uri, body, 0, "", null, "no answer within " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            return new Call(method, uri, body, 0, "", null, e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Call(method, uri, body, 0, "", null, "interrupted");
        }
    }

    /** A body on one line, cut to a length that keeps a table row readable. */
    static String clip(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() > SHOWN_BODY ? line.substring(0, SHOWN_BODY) + "…" : line;
    }

    /** True for an error answer as section 2 has it: {@code {"error":"one line"}}. */
    static boolean isErrorBody(Call call) {
        JsonNode json = call.json();
        return json != null && json.isObject() && json.path("error").isTextual()
                && !json.path("error").asText().contains("\n");
    }
}
