package io.cutcheck.sut.marker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutcheck.sut.bench.MarkerCluster;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Four real peers on loopback, each data link through a 20 ms delay proxy, 24 000 transfers,
 * snapshots every 200 ms from two initiators at once; kill -9 a peer, later the recovery leader (also an initiator), restart each. Every
 * committed snapshot must be a consistent cut, every restore must use a committed snapshot, and
 * the final balances must be what the whole input produces.
 */
class MarkerSystemIT {
    private static final int PEERS = 4;
    private static final int PER_PARTITION = 6000;
    private static final int CHUNK = 500;

    @Test
    @Timeout(150)
    void survivesKillsOfAPeerAndOfTheInitiatorWithConsistentSnapshotsAndExactBalances() throws Exception {
        BankInput input = new BankInput(PEERS, 5, 1000, PER_PARTITION, 42);
        try (MarkerCluster cluster = new MarkerCluster(MarkerCluster.JAR, MarkerCluster.freshDir("system"), PEERS, null, new int[] {200, 0, 200, 0}, 5, 1000).withLinkDelay(20).start()) {
            SnapshotAudit audit = new SnapshotAudit(cluster, input);
            ExecutorService clients = Executors.newSingleThreadExecutor();
            try {
                // The clients append a steady trickle, so snapshots cut through credits in flight.
                AtomicInteger progress = new AtomicInteger();
                CountDownLatch leaderKill = new CountDownLatch(1);
                Future<?> appended = clients.submit(() -> {
                    for (int from = 0; from < PER_PARTITION; from += CHUNK) {
                        if (from == PER_PARTITION / 2) {
                            // Hold the second half until the leader was killed: it must die mid-stream.
                            leaderKill.await(60, TimeUnit.SECONDS);
                        }
                        for (int p = 0; p < PEERS; p++) {
                            cluster.append(p, input.partitions.get(p).subList(from, from + CHUNK));
                        }
                        progress.set(from + CHUNK);
                        Thread.sleep(100);
                    }
                    return null;
                });
                long start = System.nanoTime();
                boolean peerKilled = false;
                boolean leaderKilled = false;
                while (!appended.isDone()) {
                    if (!peerKilled && progress.get() >= PER_PARTITION / 4) {
                        peerKilled = true;
                        audit.poll();
                        cluster.kill9(2);                       // an initiator, not the leader
                        Thread.sleep(300);
                        cluster.startPeer(2);
                    } else if (!leaderKilled && progress.get() >= PER_PARTITION / 2) {
                        leaderKilled = true;
                        cluster.awaitRunning(Duration.ofSeconds(40));
                        audit.poll();
                        cluster.kill9(0);                       // the recovery leader and an initiator
                        Thread.sleep(300);
                        cluster.startPeer(0);
                        leaderKill.countDown();
                    }
                    audit.poll();
                    Thread.sleep(50);
                }
                appended.get();
                System.out.printf("appended in %d ms%n", (System.nanoTime() - start) / 1_000_000);
                assertThat(leaderKilled).as("both kills happened while the clients appended").isTrue();
            } finally {
                clients.shutdownNow();
            }
            cluster.awaitRunning(Duration.ofSeconds(40));
            Map<String, Long> balances = audit.quiescentBalances(PER_PARTITION);
            // One last snapshot after the drain, as the harness takes it, with the automatic triggers off.
            for (int i = 0; i < PEERS; i++) {
                cluster.control(i).put("/triggers", Map.of("intervalMs", 0));
            }
            JsonNode triggered = cluster.control(1).post("/checkpoints/trigger", Map.of("reason", "final")).json();
            long finalId = triggered.path("id").asLong();
            MarkerCluster.await("final snapshot committed", Duration.ofSeconds(20), () -> {
                audit.poll();
                return audit.committedAt.containsKey(finalId);
            });

            System.out.println("audit: " + audit.summary());
            assertThat(audit.violations).isEmpty();
            assertThat(audit.audited.size() - audit.partsGone).as("snapshots audited in full").isGreaterThan(20);
            assertThat(audit.withChannelState).as("snapshots that caught credits in flight").isPositive();
            assertThat(balances).isEqualTo(input.finalBalances());
            List<SnapshotAudit.Restore> fromSnapshots = audit.restores.stream()
                    .filter(r -> r.snapshot() != null).toList();
            assertThat(fromSnapshots).as("restores after the kills").hasSizeGreaterThanOrEqualTo(2 * PEERS);
            for (SnapshotAudit.Restore r : fromSnapshots) {
                assertThat(audit.committedAt).as("restore %s used a committed snapshot", r).containsKey(r.snapshot());
                assertThat(audit.committedAt.get(r.snapshot())).as("committed before %s", r).isLessThanOrEqualTo(r.time());
            }
            for (int i = 0; i < PEERS; i++) {
                assertThat(cluster.get(i, "/health").path("restoredFrom").isNumber()).isTrue();
            }
        }
    }
}
