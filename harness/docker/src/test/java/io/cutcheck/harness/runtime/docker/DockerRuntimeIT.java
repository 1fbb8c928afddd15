package io.cutcheck.harness.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import com.sun.net.httpserver.HttpServer;
import io.cutcheck.harness.runtime.LaunchSpec;
import io.cutcheck.harness.runtime.Node;
import io.cutcheck.harness.runtime.NodeAddress;
import io.cutcheck.harness.runtime.Pausable;
import io.cutcheck.harness.runtime.docker.image.NodeImage;
import io.cutcheck.harness.runtime.docker.image.NodeImageBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The Docker runtime against the real daemon (start it with scripts/docker-up.sh). */
@Tag("docker")
@Timeout(120)
class DockerRuntimeIT {

    @TempDir
    static Path work;

    static Path probeJar;
    static NodeImage image;

    @BeforeAll
    static void image() throws IOException {
        probeJar = ProbeNodeJar.build(work.resolve("jar"));
        image = ProbeNodeJar.image(probeJar);
    }

    @AfterAll
    static void nothingOfOursIsLeft() throws IOException {
        try (DockerClient docker = DockerConnection.open()) {
            RunLabels self = RunLabels.forThisProcess();
            assertThat(docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(RunLabels.OWNER_PID, Long.toString(self.ownerPid()))).exec())
                    .as("containers of this test JVM").isEmpty();
        }
    }

    private static DockerRuntime runtime() throws IOException {
        return DockerRuntime.open(DockerConnection.open(), image, probeJar);
    }

    @Test
    void fiveNodesBecomeHealthyAndReachEachOtherByNameAndTheHarnessHost() throws Exception {
        try (DockerRuntime runtime = runtime()) {
            // bound before any container exists, as the harness does
            HttpServer harnessService = serving(runtime.servicesBindHost(), "input-log-here");
            try {
                List<Node> nodes = ProbeCluster.start(runtime, probeJar, work.resolve("five"), 5);
                for (Node node : nodes) {
                    assertThat(ProbeCluster.awaitHealthy(node, Duration.ofSeconds(20))).contains("\"node\":\"" + node.name() + "\"");
                }
                assertThat(runtime.nodes()).extracting(Node::name)
                        .containsExactlyInAnyOrder("probe-0", "probe-1", "probe-2", "probe-3", "probe-4");

                assertThat(ProbeCluster.fetchFrom(nodes.get(0), "http://probe-4:" + DockerRuntime.CONTROL_PORT + "/health"))
                        .hasValueSatisfying(body -> assertThat(body).contains("\"node\":\"probe-4\""));
                String service = "http://" + runtime.harnessHostForNodes() + ":" + harnessService.getAddress().getPort() + "/";
                assertThat(ProbeCluster.fetchFrom(nodes.get(2), service)).hasValue("input-log-here");

                Path nodeDir = work.resolve("five/nodes/probe-1");
                assertThat(Files.readAllLines(nodeDir.resolve("data/starts"))).hasSize(1);
                assertThat(nodes.get(1).logFile()).isEqualTo(work.resolve("five/nodes/probe-1.log"));
                assertThat(Files.readString(nodes.get(1).logFile())).contains("probe node probe-1 serving");
            } finally {
                harnessService.stop(0);
            }
        }
    }

    /** A stand-in for the harness's input log: answers every GET with {@code body}. */
    private static HttpServer serving(String host, String body) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(host, 0), 8);
        server.createContext("/", exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return server;
    }

    @Test
    void killedNodeRestartsWithItsDataOnTheSameHostPortsAndPeersFindItAgain() throws Exception {
        try (DockerRuntime runtime = runtime()) {
            List<Node> nodes = ProbeCluster.start(runtime, probeJar, work.resolve("restart"), 2);
            Node victim = nodes.get(1);
            String before = ProbeCluster.awaitHealthy(victim, Duration.ofSeconds(20));
            ProbeCluster.awaitHealthy(nodes.get(0), Duration.ofSeconds(20));
            URI oldUri = victim.controlUri();

            victim.kill();
            assertThat(victim.isAlive()).isFalse();
            assertThat(ProbeCluster.health(victim, Duration.ofMillis(500))).isEmpty();
            assertThat(ProbeCluster.fetchFrom(nodes.get(0), "http://probe-1:" + DockerRuntime.CONTROL_PORT + "/health")).isEmpty();

            victim.restart();
            assertThat(victim.isAlive()).isTrue();
            assertThat(victim.controlUri()).as("published on the port fixed at reserve").isEqualTo(oldUri);
            String after = ProbeCluster.awaitHealthy(victim, Duration.ofSeconds(20));
            assertThat(after).isNotEqualTo(before); // a new incarnation
            // within a second of health: no JVM DNS cache hides the restarted peer
            assertThat(ProbeCluster.fetchFrom(nodes.get(0), "http://probe-1:" + DockerRuntime.CONTROL_PORT + "/health")).isPresent();

            Path nodeDir = work.resolve("restart/nodes/probe-1");
            assertThat(Files.readAllLines(nodeDir.resolve("data/starts"))).hasSize(2);
            assertThat(Files.readString(victim.logFile()).split("=== cutcheck: starting probe-1 at", -1)).hasSize(3);

            victim.restart(); // from running: killed first
            ProbeCluster.awaitHealthy(victim, Duration.ofSeconds(20));
            assertThat(Files.readAllLines(nodeDir.resolve("data/starts"))).hasSize(3);
        }
    }

    @Test
    void pausedNodeKeepsRunningButAnswersNothingUntilResumed() throws Exception {
        try (DockerRuntime runtime = runtime()) {
            Node node = ProbeCluster.start(runtime, probeJar, work.resolve("pause"), 1).get(0);
            ProbeCluster.awaitHealthy(node, Duration.ofSeconds(20));
            Pausable pausable = (Pausable) node;

            pausable.pause();
            assertThat(node.isAlive()).isTrue();
            assertThat(ProbeCluster.health(node, Duration.ofMillis(700))).isEmpty();
            pausable.resume();
            assertThat(ProbeCluster.health(node, Duration.ofSeconds(2))).isPresent();

            pausable.pause();
            node.kill(); // a paused node can be killed
            assertThat(node.isAlive()).isFalse();
            node.restart();
            ProbeCluster.awaitHealthy(node, Duration.ofSeconds(20));
        }
    }

    @Test
    void closeRemovesTheRunsContainersAndNetworkAndMayBeRepeated() throws Exception {
        DockerRuntime runtime = runtime();
        String runId = runtime.runId();
        ProbeCluster.start(runtime, probeJar, work.resolve("close"), 2);
        runtime.close();
        runtime.close();
        try (DockerClient docker = DockerConnection.open()) {
            Map<String, String> ofRun = Map.of(RunLabels.RUN, runId);
            assertThat(docker.listContainersCmd().withShowAll(true).withLabelFilter(ofRun).exec()).isEmpty();
            assertThat(docker.listNetworksCmd().withFilter("label", List.of(RunLabels.RUN + "=" + runId)).exec()).isEmpty();
        }
        assertThatThrownBy(() -> runtime.start(null)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void cleanLeftoversRemovesObjectsOfADeadOwnerOnly() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        RunLabels dead = new RunLabels("deadbeef", RunLabels.thisBoot(), gone.pid(), gone.info().startInstant().map(i -> i.toEpochMilli()).orElse(1L));
        try (DockerClient docker = DockerConnection.open(); DockerRuntime live = runtime()) {
            String network = docker.createNetworkCmd().withName("cutcheck-deadbeef").withLabels(dead.asMap()).exec().getId();
            String container = docker.createContainerCmd(image.tag()).withLabels(dead.asMap()).withCmd("true")
                    .withHostConfig(com.github.dockerjava.api.model.HostConfig.newHostConfig().withNetworkMode("cutcheck-deadbeef")).exec().getId();
            ProbeCluster.start(live, probeJar, work.resolve("live"), 1);

            assertThat(DockerRuntime.cleanLeftovers()).isGreaterThanOrEqualTo(2);

            assertThat(docker.listContainersCmd().withShowAll(true).withIdFilter(List.of(container)).exec()).isEmpty();
            assertThat(docker.listNetworksCmd().withIdFilter(network).exec()).isEmpty();
            assertThat(live.nodes().get(0).isAlive()).as("the live run's node").isTrue();
        }
    }

    @Test
    void aChangedJarGetsItsOwnImageAndAnUnchangedOneIsFound() throws Exception {
        Path otherJar = Files.copy(probeJar, work.resolve("other.jar"));
        // trailing bytes keep it a valid zip; the nonce makes its image new on every run
        byte[] nonce = java.nio.ByteBuffer.allocate(Long.BYTES).putLong(System.nanoTime()).array();
        Files.write(otherJar, nonce, java.nio.file.StandardOpenOption.APPEND);
        try (DockerClient docker = DockerConnection.open()) {
            NodeImage same = new NodeImageBuilder(docker).ensure(probeJar);
            NodeImage other = new NodeImageBuilder(docker).ensure(otherJar);
            try {
                assertThat(other.tag()).isNotEqualTo(image.tag());
                assertThat(other.built()).isTrue();
                assertThat(same.tag()).isEqualTo(image.tag());
                assertThat(same.built()).isFalse();
                assertThat(same.took()).isLessThan(Duration.ofSeconds(2));
                assertThat(new NodeImageBuilder(docker).ensure(probeJar).built()).as("the first image, after another was built").isFalse();
            } finally {
                docker.removeImageCmd(other.tag()).exec();
            }
        }
    }

    @Test
    void aMissingImageFailsAtOnceWithOneLine() throws Exception {
        NodeImage missing = new NodeImage("cutcheck/node:doesnotexist", image.jarPath(), 0, Duration.ZERO, false);
        try (DockerRuntime runtime = DockerRuntime.open(DockerConnection.open(), missing, probeJar)) {
            NodeAddress address = runtime.reserve("lonely", "probe");
            long start = System.nanoTime();
            assertThatThrownBy(() -> runtime.start(new LaunchSpec(address, "probe", List.of("java", "-jar", probeJar.toString()),
                    new byte[0], work.resolve("missing"))))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("cutcheck/node:doesnotexist is missing")
                    .hasMessageNotContaining("\n");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        }
    }
}
