package io.cutcheck.harness.runtime.docker;

import io.cutcheck.harness.runtime.LaunchSpec;
import io.cutcheck.harness.runtime.Node;
import io.cutcheck.harness.runtime.NodeAddress;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Starts probe nodes on a runtime and talks to them as the harness would: over the control port. */
final class ProbeCluster {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private ProbeCluster() {}

    /** Reserves every node first, then starts them side by side (start is thread-safe), in order of the result. */
    static List<Node> start(DockerRuntime runtime, Path probeJar, Path storeDir, int count) throws IOException {
        List<NodeAddress> addresses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            addresses.add(runtime.reserve("probe-" + i, "probe"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            List<Future<Node>> started = new ArrayList<>();
            for (NodeAddress address : addresses) {
                started.add(pool.submit(() -> start(runtime, probeJar, storeDir, address)));
            }
            List<Node> nodes = new ArrayList<>();
            for (Future<Node> node : started) {
                nodes.add(node.get());
            }
            return nodes;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        } finally {
            pool.shutdown();
        }
    }

    private static Node start(DockerRuntime runtime, Path probeJar, Path storeDir, NodeAddress address) throws IOException {
        Path nodeDir = storeDir.resolve("nodes").resolve(address.node());
        String config = "{\"protocol\":1,\"system\":\"probe\",\"node\":\"" + address.node() + "\",\"role\":\"probe\""
                + ",\"bindHost\":\"" + address.bindHost() + "\",\"controlPort\":" + address.controlPort()
                + ",\"dataPort\":" + address.dataPort() + ",\"dataDir\":\"" + nodeDir.resolve("data") + "\"}";
        return runtime.start(new LaunchSpec(address, "probe",
                List.of("java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", probeJar.toString()),
                config.getBytes(StandardCharsets.UTF_8), nodeDir));
    }

    /** The node's /health body, or empty if it does not answer within {@code timeout}. */
    static Optional<String> health(Node node, Duration timeout) {
        return get(node.controlUri().resolve("/health"), timeout);
    }

    /** Waits until the node answers /health; returns the body. */
    static String awaitHealthy(Node node, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<String> body = health(node, Duration.ofMillis(500));
            if (body.isPresent()) {
                return body.get();
            }
            pause(20);
        }
        throw new AssertionError(node.name() + " was not healthy within " + within + "; log: " + node.logFile());
    }

    /** Has {@code from} GET {@code url} from inside its container. */
    static Optional<String> fetchFrom(Node from, String url) {
        return get(from.controlUri().resolve("/fetch?url=" + URLEncoder.encode(url, StandardCharsets.UTF_8)), Duration.ofSeconds(5));
    }

    static Optional<String> get(URI uri, Duration timeout) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).timeout(timeout).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Optional.of(response.body()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
