package io.cutcheck.harness.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cutcheck.harness.runtime.Node;
import io.cutcheck.harness.runtime.NodeAddress;
import io.cutcheck.harness.runtime.docker.image.NodeImage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The path a link takes when the harness puts a proxy on it: the node dials the host where the
 * harness's services live, and the proxy on the host dials the peer at the address
 * {@code reachFromHarness} gives, which stays the same when the peer restarts.
 */
@Tag("docker")
@Timeout(120)
class ReachFromHarnessIT {

    @TempDir
    static Path work;

    static Path probeJar;
    static NodeImage image;

    @BeforeAll
    static void image() throws IOException {
        probeJar = ProbeNodeJar.build(work.resolve("jar"));
        image = ProbeNodeJar.image(probeJar);
    }

    @Test
    void aNodeReachesAPeerThroughARelayOnTheHostAcrossThePeersRestart() throws Exception {
        try (DockerRuntime runtime = DockerRuntime.open(DockerConnection.open(), image, probeJar)) {
            List<Node> nodes = ProbeCluster.start(runtime, probeJar, work.resolve("relay"), 2);
            Node dialer = nodes.get(0);
            Node peer = nodes.get(1);
            NodeAddress peerAddress = new NodeAddress(peer.name(), "0.0.0.0", DockerRuntime.CONTROL_PORT, DockerRuntime.DATA_PORT, peer.name());
            InetSocketAddress data = runtime.reachFromHarness(peerAddress, DockerRuntime.DATA_PORT);
            InetSocketAddress control = runtime.reachFromHarness(peerAddress, DockerRuntime.CONTROL_PORT);
            assertThat(control.getPort()).isEqualTo(peer.controlUri().getPort()).isNotEqualTo(data.getPort());
            assertThat(data.getHostString()).isEqualTo("127.0.0.1");
            for (Node node : nodes) {
                ProbeCluster.awaitHealthy(node, Duration.ofSeconds(20));
            }
            String expected = "{\"node\":\"" + peer.name() + "\",\"port\":\"data\"}";
            URI direct = URI.create("http://" + data.getHostString() + ":" + data.getPort() + "/data");
            assertThat(ProbeCluster.get(direct, Duration.ofSeconds(2))).as("the harness reaches the data port").hasValue(expected);

            try (HostRelay relay = new HostRelay(runtime.servicesBindHost(), data)) {
                String viaHost = "http://" + runtime.harnessHostForNodes() + ":" + relay.port() + "/data";
                assertThat(ProbeCluster.fetchFrom(dialer, viaHost)).as("node -> host relay -> peer").hasValue(expected);

                peer.kill();
                assertThat(ProbeCluster.fetchFrom(dialer, viaHost)).as("while the peer is down").isEmpty();
                peer.restart();
                ProbeCluster.awaitHealthy(peer, Duration.ofSeconds(20));
                assertThat(runtime.reachFromHarness(peerAddress, DockerRuntime.DATA_PORT)).isEqualTo(data);
                assertThat(ProbeCluster.fetchFrom(dialer, viaHost)).as("the same relay after the restart").hasValue(expected);
            }
            assertThatThrownBy(() -> runtime.reachFromHarness(peerAddress, 9999)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
