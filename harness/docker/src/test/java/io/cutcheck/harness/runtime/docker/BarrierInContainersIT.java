package io.cutcheck.harness.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.dockerjava.api.DockerClient;
import io.cutcheck.harness.runtime.LaunchSpec;
import io.cutcheck.harness.runtime.Node;
import io.cutcheck.harness.runtime.NodeAddress;
import io.cutcheck.harness.runtime.docker.image.NodeImage;
import io.cutcheck.harness.runtime.docker.image.NodeImageBuilder;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reference barrier system, six nodes of cutcheck-sut.jar in containers, with the input log
 * and output store on the host as the harness runs them: it checkpoints, loses an operator to
 * SIGKILL, restores from a committed checkpoint and commits again.
 */
@Tag("docker")
@Timeout(150)
class BarrierInContainersIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    @TempDir
    Path store;

    @Test
    void barrierSystemCheckpointsRecoversFromAKilledOperatorAndCommitsAgain() throws Exception {
        Path sutJar = sutJar();
        NodeImage image;
        try (DockerClient docker = DockerConnection.open()) {
            image = new NodeImageBuilder(docker).ensure(sutJar);
        }
        List<Process> services = new ArrayList<>();
        try (DockerRuntime runtime = DockerRuntime.open(DockerConnection.open(), image, sutJar)) {
            String host = runtime.servicesBindHost();
            int inputPort = freePort(host);
            int outputPort = freePort(host);
            services.add(service(sutJar, List.of("input-log", "--host", host, "--port", "" + inputPort, "--partitions", "2")));
            services.add(service(sutJar, List.of("output-store", "--host", host, "--port", "" + outputPort)));
            URI inputLog = URI.create("http://" + runtime.harnessHostForNodes() + ":" + inputPort);
            URI outputStore = URI.create("http://" + runtime.harnessHostForNodes() + ":" + outputPort);
            await("input log", () -> get(inputLog.resolve("/partitions")), body -> true, Duration.ofSeconds(20));
            await("output store", () -> get(outputStore.resolve("/output?from=0&max=1")), body -> true, Duration.ofSeconds(20));

            Map<String, NodeAddress> addresses = new LinkedHashMap<>();
            for (String node : List.of("coordinator", "source-0", "source-1", "operator-0", "operator-1", "sink-0")) {
                addresses.put(node, runtime.reserve(node, role(node)));
            }
            Map<String, Node> nodes = new LinkedHashMap<>();
            for (NodeAddress address : addresses.values()) {
                Path nodeDir = store.resolve("nodes").resolve(address.node());
                byte[] config = JSON.writeValueAsBytes(config(address, addresses, nodeDir.resolve("data"), inputLog, outputStore));
                nodes.put(address.node(), runtime.start(new LaunchSpec(address, role(address.node()),
                        List.of("java", "-Xmx256m", "-XX:+UseSerialGC", "-jar", sutJar.toString()), config, nodeDir)));
            }
            for (Node node : nodes.values()) {
                ProbeCluster.awaitHealthy(node, Duration.ofSeconds(40));
            }
            append(inputLog, 0, 500);
            append(inputLog, 1, 500);
            Node coordinator = nodes.get("coordinator");
            long firstCommitted = await("a committed checkpoint", () -> newestCommitted(coordinator), id -> id > 0, Duration.ofSeconds(30));
            await("committed output", () -> outputEnd(outputStore), end -> end > 0, Duration.ofSeconds(30));

            Node operator = nodes.get("operator-1");
            operator.kill();
            assertThat(operator.isAlive()).isFalse();
            operator.restart();
            JsonNode health = JSON.readTree(ProbeCluster.awaitHealthy(operator, Duration.ofSeconds(40)));
            long restoredFrom = await("operator-1 restored", () -> restoredFrom(operator), id -> id > 0, Duration.ofSeconds(40));
            assertThat(restoredFrom).as("restored from a committed checkpoint").isGreaterThanOrEqualTo(firstCommitted);
            assertThat(health.path("node").asText()).isEqualTo("operator-1");

            append(inputLog, 0, 200);
            long after = await("a checkpoint after recovery", () -> newestCommitted(coordinator), id -> id > restoredFrom, Duration.ofSeconds(40));
            assertThat(after).isGreaterThan(restoredFrom);
            assertThat(Files.readString(operator.logFile())).contains("=== cutcheck: starting operator-1");
        } finally {
            for (Process service : services) {
                service.destroyForcibly().waitFor();
            }
        }
    }

    private static ObjectNode config(NodeAddress self, Map<String, NodeAddress> all, Path dataDir, URI inputLog, URI outputStore) {
        ObjectNode c = JSON.createObjectNode();
        c.put("protocol", 1).put("system", "barrier").put("node", self.node()).put("role", role(self.node()))
                .put("index", index(self.node())).put("bindHost", self.bindHost())
                .put("controlPort", self.controlPort()).put("dataPort", self.dataPort())
                .put("dataDir", dataDir.toString()).put("inputLog", inputLog.toString()).put("outputStore", outputStore.toString());
        ObjectNode nodes = c.putObject("nodes");
        all.values().forEach(peer -> nodes.putObject(peer.node()).put("role", role(peer.node())).put("index", index(peer.node()))
                .put("host", peer.peerHost()).put("controlPort", peer.controlPort()).put("dataPort", peer.dataPort()));
        c.putObject("checkpoint").put("intervalMs", 500).put("everyRecords", 0).put("timeoutMs", 10_000).put("retain", 3);
        c.putNull("defect");
        c.putObject("options");
        return c;
    }

    private static String role(String node) {
        return node.contains("-") ? node.substring(0, node.indexOf('-')) : node;
    }

    private static int index(String node) {
        return node.contains("-") ? Integer.parseInt(node.substring(node.indexOf('-') + 1)) : 0;
    }

    private static Optional<Long> newestCommitted(Node coordinator) {
        return get(coordinator.controlUri().resolve("/checkpoints")).map(body -> {
            long newest = 0;
            for (JsonNode checkpoint : read(body)) {
                if (checkpoint.path("status").asText().equals("committed")) {
                    newest = Math.max(newest, checkpoint.path("id").asLong());
                }
            }
            return newest;
        });
    }

    private static Optional<Long> restoredFrom(Node node) {
        return get(node.controlUri().resolve("/health")).map(body -> read(body).path("restoredFrom").asLong(0));
    }

    private static Optional<Long> outputEnd(URI outputStore) {
        return get(outputStore.resolve("/output?from=0&max=1")).map(body -> read(body).path("end").asLong());
    }

    private static void append(URI inputLog, int partition, int count) throws Exception {
        String records = IntStream.range(0, count).mapToObj(i -> "{\"key\":\"k" + (i % 17) + "\",\"value\":" + (i % 10 + 1) + "}")
                .collect(Collectors.joining(",", "[", "]"));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(inputLog.resolve("/partitions/" + partition + "/records"))
                .POST(HttpRequest.BodyPublishers.ofString(records)).header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("append to the input log").isBetween(200, 299);
    }

    private static <T> T await(String what, java.util.function.Supplier<Optional<T>> probe, Predicate<T> done, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        Optional<T> last = Optional.empty();
        while (System.nanoTime() < deadline) {
            last = probe.get();
            if (last.isPresent() && done.test(last.get())) {
                return last.get();
            }
            ProbeCluster.pause(100);
        }
        throw new AssertionError("no " + what + " within " + within + " (last: " + last + ")");
    }

    private static Optional<String> get(URI uri) {
        return ProbeCluster.get(uri, Duration.ofSeconds(2));
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    private Process service(Path jar, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-jar", jar.toString()));
        command.addAll(args);
        Files.createDirectories(store);
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(store.resolve(args.get(0) + ".log").toFile())).start();
    }

    private static int freePort(String host) throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host))) {
            return socket.getLocalPort();
        }
    }

    /** The reference systems' jar, built by the reactor before this module (mvn verify) or by mvn -pl systems-under-test package. */
    static Path sutJar() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path jar = dir.resolve("systems-under-test/target/cutcheck-sut.jar");
            if (Files.isRegularFile(jar)) {
                return jar;
            }
        }
        throw new AssertionError("systems-under-test/target/cutcheck-sut.jar is missing: run mvn -pl systems-under-test package first");
    }
}
