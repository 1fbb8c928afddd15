package io.cutcheck.harness.runtime.docker;

import io.cutcheck.harness.runtime.docker.image.NodeImage;
import io.cutcheck.harness.runtime.docker.image.NodeImageBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A harness process for the cleanup tests: opens a run on an existing image, closes it from a
 * shutdown hook as the real harness does, starts two probe nodes, prints "ready" and waits to be
 * signalled. Arguments: IMAGE_TAG PROBE_JAR STORE_DIR.
 */
public final class HarnessStandIn {

    public static void main(String[] args) throws Exception {
        NodeImage image = new NodeImage(args[0], NodeImageBuilder.JAR_IN_IMAGE, 0, Duration.ZERO, false);
        DockerRuntime runtime = DockerRuntime.open(DockerConnection.open(), image, Path.of(args[1]));
        Runtime.getRuntime().addShutdownHook(new Thread(runtime::close));
        List<io.cutcheck.harness.runtime.Node> nodes = ProbeCluster.start(runtime, Path.of(args[1]), Path.of(args[2]), 2);
        for (var node : nodes) {
            ProbeCluster.awaitHealthy(node, Duration.ofSeconds(20));
        }
        System.out.println("ready " + runtime.runId());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }

    private HarnessStandIn() {}
}
