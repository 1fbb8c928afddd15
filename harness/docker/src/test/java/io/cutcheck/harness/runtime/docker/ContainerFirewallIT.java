package io.cutcheck.harness.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.cutcheck.harness.runtime.Node;
import io.cutcheck.harness.runtime.docker.image.NodeImage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Tag("docker")
@Timeout(120)
class ContainerFirewallIT {

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
    void aDroppedPeerCannotReachTheNodeWhileOthersAndTheHarnessStillCanUntilHealed() throws Exception {
        try (DockerRuntime runtime = DockerRuntime.open(DockerConnection.open(), image, probeJar)) {
            List<Node> nodes = ProbeCluster.start(runtime, probeJar, work.resolve("cut"), 3);
            for (Node node : nodes) {
                ProbeCluster.awaitHealthy(node, Duration.ofSeconds(20));
            }
            Node cutOff = nodes.get(0);
            Node other = nodes.get(1);
            Node target = nodes.get(2);
            String targetHealth = "http://" + target.name() + ":" + DockerRuntime.CONTROL_PORT + "/health";
            ContainerFirewall firewall = new ContainerFirewall();

            firewall.drop(target, List.of(cutOff));

            assertThat(ProbeCluster.fetchFrom(cutOff, targetHealth)).as("cut-off peer").isEmpty();
            assertThat(ProbeCluster.fetchFrom(other, targetHealth)).as("other peer").isPresent();
            assertThat(ProbeCluster.health(target, Duration.ofSeconds(1))).as("harness").isPresent();
            assertThat(ProbeCluster.fetchFrom(target, "http://" + cutOff.name() + ":" + DockerRuntime.CONTROL_PORT + "/health"))
                    .as("replies from the cut-off peer are dropped too").isEmpty();

            firewall.heal(target);
            assertThat(ProbeCluster.fetchFrom(cutOff, targetHealth)).as("after healing").isPresent();
            firewall.heal(target); // idempotent
        }
    }
}
