package io.cutcheck.sut.barrier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutcheck.sut.bench.LocalCluster;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The correct barrier system survives kill -9 of an operator and of the coordinator with exactly-once output. */
class BarrierSystemIT {
    static final int PER_PARTITION = 30_000;

    @TempDir
    Path dir;

    @Test
    void exactlyOnceThroughKillsOfAnOperatorAndTheCoordinator() throws Exception {
        try (LocalCluster cluster = new LocalCluster(Jobs.JAR, dir, Jobs.spec(300, Optional.empty(), Map.of("source-1", Map.of("barrierDelayMs", 50))));
             EventWatcher watcher = new EventWatcher(cluster.startServices().startNodes())) {
            CompletableFuture<Void> feeding = CompletableFuture.runAsync(() -> {
                try {
                    Jobs.feed(cluster, 0, PER_PARTITION, 1500, 150);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Jobs.awaitCommittedOutput(cluster, 12_000, 60_000);
            cluster.kill("operator-1");
            Thread.sleep(500);
            cluster.start("operator-1");

            Jobs.awaitCommittedOutput(cluster, 30_000, 60_000);
            cluster.kill("coordinator");
            Thread.sleep(500);
            cluster.start("coordinator");

            feeding.get();
            Jobs.awaitDrained(cluster, new long[] {PER_PARTITION, PER_PARTITION}, 90_000);

            List<JsonNode> output = ExactlyOnceCheck.committedOutput(cluster.outputStore());
            assertThat(ExactlyOnceCheck.violations(output, new long[] {PER_PARTITION, PER_PARTITION})).isEmpty();
            assertThat(output).hasSize(2 * PER_PARTITION);

            List<JsonNode> restores = watcher.events("restored").stream()
                    .filter(e -> !e.get("checkpoint").isNull()).toList();
            assertThat(restores).as("restores from a checkpoint").isNotEmpty();
            for (JsonNode restore : restores) {
                assertThat(watcher.committed()).as("restore on %s", restore.get("node").asText())
                        .contains(restore.get("checkpoint").asLong());
            }
            assertThat(cluster.control("operator-1").get("/health").json().get("restoredFrom").isNull()).isFalse();
        }
    }
}
