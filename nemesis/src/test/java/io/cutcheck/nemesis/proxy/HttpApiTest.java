package io.cutcheck.nemesis.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Status codes, content types and error bodies of the API, over raw HTTP, as Toxiproxy sends them. */
@org.junit.jupiter.api.Timeout(value = 30, threadMode = ThreadMode.SEPARATE_THREAD)
class HttpApiTest {

    private static final String JSON_ERROR = "text/plain; charset=utf-8";

    @RegisterExtension
    final ToxiproxyServerExtension toxiproxy = new ToxiproxyServerExtension();

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void version() throws Exception {
        HttpResponse<String> response = send("GET", "/version", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json;charset=utf-8");
        assertThat(response.body()).isEqualTo("{\"version\": \"" + ApiRoutes.VERSION + "\"}\n");
    }

    @Test
    void proxy_lifecycle_status_codes() throws Exception {
        HttpResponse<String> created = send("POST", "/proxies", "{\"name\":\"db\",\"listen\":\"127.0.0.1:0\",\"upstream\":\"127.0.0.1:5432\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(created.body()).matches("\\{\"name\":\"db\",\"listen\":\"127\\.0\\.0\\.1:\\d+\",\"upstream\":\"127\\.0\\.0\\.1:5432\",\"enabled\":true,\"toxics\":\\[]}");

        assertThat(send("GET", "/proxies", null).body()).startsWith("{\"db\":{\"name\":\"db\"");
        assertThat(send("GET", "/proxies/db", null).statusCode()).isEqualTo(200);
        HttpResponse<String> patched = send("PATCH", "/proxies/db", "{\"enabled\":false}");
        assertThat(patched.statusCode()).isEqualTo(200);
        assertThat(patched.body()).contains("\"enabled\":false");
        assertThat(send("POST", "/proxies/db", "{\"enabled\":true}").body()).contains("\"enabled\":true");
        HttpResponse<String> deleted = send("DELETE", "/proxies/db", null);
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
    }

    @Test
    void proxy_errors() throws Exception {
        assertError(send("GET", "/proxies/none", null), 404, "proxy not found");
        assertError(send("DELETE", "/proxies/none", null), 404, "proxy not found");
        assertError(send("POST", "/proxies", "{\"upstream\":\"127.0.0.1:1\"}"), 400, "missing required field: name");
        assertError(send("POST", "/proxies", "{\"name\":\"x\"}"), 400, "missing required field: upstream");
        assertError(send("POST", "/proxies", ""), 400, "bad request body: EOF");
        assertError(send("POST", "/proxies", "{\"name\":\"x\",\"enabled\":\"yes\"}"), 400,
                "bad request body: json: cannot unmarshal string into Go struct field .enabled of type bool");
        assertThat(send("POST", "/proxies", "{nope").statusCode()).isEqualTo(400);
        send("POST", "/proxies", "{\"name\":\"x\",\"listen\":\"127.0.0.1:0\",\"upstream\":\"127.0.0.1:1\"}");
        assertError(send("POST", "/proxies", "{\"name\":\"x\",\"listen\":\"127.0.0.1:0\",\"upstream\":\"127.0.0.1:1\"}"), 409, "proxy already exists");
        String taken = "127.0.0.1:" + toxiproxy.server().port();
        HttpResponse<String> busy = send("POST", "/proxies", "{\"name\":\"y\",\"listen\":\"" + taken + "\",\"upstream\":\"127.0.0.1:1\"}");
        assertThat(busy.statusCode()).isEqualTo(500);
        assertThat(busy.body()).startsWith("{\"error\":\"listen tcp " + taken).endsWith(",\"status\":500}\n");
    }

    @Test
    void toxic_status_codes_defaults_and_errors() throws Exception {
        send("POST", "/proxies", "{\"name\":\"db\",\"listen\":\"127.0.0.1:0\",\"upstream\":\"127.0.0.1:5432\"}");

        HttpResponse<String> created = send("POST", "/proxies/db/toxics", "{\"type\":\"latency\",\"attributes\":{\"latency\":100}}");
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(created.body()).isEqualTo(
                "{\"attributes\":{\"latency\":100,\"jitter\":0},\"name\":\"latency_downstream\",\"type\":\"latency\",\"stream\":\"downstream\",\"toxicity\":1}");
        HttpResponse<String> updated = send("PATCH", "/proxies/db/toxics/latency_downstream", "{\"attributes\":{\"jitter\":5},\"toxicity\":0.5}");
        assertThat(updated.statusCode()).isEqualTo(200);
        assertThat(updated.body()).contains("{\"latency\":100,\"jitter\":5}").contains("\"toxicity\":0.5");
        assertThat(send("GET", "/proxies/db/toxics", null).body()).startsWith("[{\"attributes\"");
        assertThat(send("GET", "/proxies/db/toxics/latency_downstream", null).statusCode()).isEqualTo(200);

        assertError(send("POST", "/proxies/db/toxics", "{\"type\":\"latency\"}"), 409, "toxic already exists");
        assertError(send("POST", "/proxies/db/toxics", "{\"type\":\"nope\"}"), 400, "invalid toxic type");
        assertError(send("POST", "/proxies/db/toxics", "{\"type\":\"latency\",\"stream\":\"sideways\"}"), 400,
                "stream was invalid, can be either upstream or downstream");
        assertError(send("POST", "/proxies/db/toxics", "{\"type\":\"timeout\",\"attributes\":{\"timeout\":1.5}}"), 400,
                "bad request body: json: cannot unmarshal number 1.5 into Go struct field .attributes.timeout of type int64");
        assertError(send("POST", "/proxies/none/toxics", "{\"type\":\"latency\"}"), 404, "proxy not found");
        assertError(send("GET", "/proxies/db/toxics/none", null), 404, "toxic not found");
        assertError(send("POST", "/proxies/db/toxics/none", "{}"), 404, "toxic not found");
        assertError(send("DELETE", "/proxies/db/toxics/none", null), 404, "toxic not found");

        assertThat(send("DELETE", "/proxies/db/toxics/latency_downstream", null).statusCode()).isEqualTo(204);
    }

    @Test
    void populate_creates_keeps_and_reports() throws Exception {
        HttpResponse<String> first = send("POST", "/populate",
                "[{\"name\":\"a\",\"listen\":\"127.0.0.1:0\",\"upstream\":\"127.0.0.1:1\"},"
                        + "{\"name\":\"b\",\"listen\":\"127.0.0.1:0\",\"upstream\":\"127.0.0.1:2\",\"enabled\":false}]");
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(first.body()).startsWith("{\"proxies\":[{\"name\":\"a\"").contains("\"enabled\":false");

        HttpResponse<String> missing = send("POST", "/populate", "[{\"name\":\"c\",\"listen\":\"127.0.0.1:0\"}]");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).isEqualTo("{\"error\":\"missing required field: upstream at proxy 1\",\"status\":400,\"proxies\":[]}");
    }

    @Test
    void reset_is_204_and_unknown_routes_are_404_or_405() throws Exception {
        assertThat(send("POST", "/reset", null).statusCode()).isEqualTo(204);
        assertThat(send("GET", "/reset", null).statusCode()).isEqualTo(405);
        assertThat(send("PUT", "/proxies", "{}").statusCode()).isEqualTo(405);
        HttpResponse<String> unknown = send("GET", "/nothing/here", null);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).isEqualTo("404 page not found\n");
    }

    @Test
    void browsers_are_refused() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri("/proxies"))
                .header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64)").GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).isEqualTo("User agent not allowed\n");
    }

    private static void assertError(HttpResponse<String> response, int status, String message) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(JSON_ERROR);
        assertThat(response.body()).isEqualTo("{\"error\":\"" + message.replace("\"", "\\\"") + "\",\"status\":" + status + "}\n");
    }

    private HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.BodyPublisher publisher = body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body);
        return http.send(HttpRequest.newBuilder(uri(path)).method(method, publisher).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create(toxiproxy.server().baseUrl() + path);
    }
}
