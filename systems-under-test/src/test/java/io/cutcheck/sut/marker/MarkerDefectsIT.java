package io.cutcheck.sut.marker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutcheck.sut.bench.MarkerCluster;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Each defect variant of the marker system, run as real processes, must produce a wrong result
 * that a checker outside the system can see: money created or lost in a committed snapshot, or
 * final balances that differ from what the input produces.
 */
class MarkerDefectsIT {
    private static final int PEERS = 3;
    private static final int PER_PARTITION = 4000;
    private static final int CHUNK = 500;

    @Test
    @Timeout(90)
    void noChannelStateLosesTheMoneyInFlightFromACommittedSnapshot() throws Exception {
        assertCommittedCutIsWrong("no-channel-state");
    }

    @Test
    @Timeout(90)
    void recordAfterForwardLetsPostCutMessagesIntoACommittedSnapshot() throws Exception {
        assertCommittedCutIsWrong("record-after-forward");
    }

    private void assertCommittedCutIsWrong(String defect) throws Exception {
        BankInput input = new BankInput(PEERS, 5, 1000, PER_PARTITION, 7);
        try (MarkerCluster cluster = new MarkerCluster(MarkerCluster.JAR, MarkerCluster.freshDir(defect), PEERS, defect,
                new int[] {50, 50, 50}, 5, 1000).withLinkDelay(5).start()) {
            SnapshotAudit audit = new SnapshotAudit(cluster, input);
            for (int from = 0; from < PER_PARTITION && audit.violations.isEmpty(); from += CHUNK) {
                for (int p = 0; p < PEERS; p++) {
                    cluster.append(p, input.partitions.get(p).subList(from, from + CHUNK));
                }
                for (int i = 0; i < 3; i++) {
                    audit.poll();
                }
            }
            MarkerCluster.await("a committed snapshot that is no consistent cut", Duration.ofSeconds(30), () -> {
                audit.poll();
                return !audit.violations.isEmpty();
            });
            System.out.println(defect + ": " + audit.summary() + "; first: " + audit.violations.get(0));
            assertThat(audit.violations).anySatisfy(v -> assertThat(v.what()).matches(
                    "total \\d+, expected \\d+|.*debited.*|.*holds.*"));
        }
    }

    @Test
    @Timeout(90)
    void manifestBeforePartsDurableCommitsASnapshotWhosePartsDoNotExist() throws Exception {
        BankInput input = new BankInput(PEERS, 5, 1000, 1000, 11);
        try (MarkerCluster cluster = new MarkerCluster(MarkerCluster.JAR, MarkerCluster.freshDir("manifest-before-parts-durable"), PEERS,
                "manifest-before-parts-durable", new int[] {0, 0, 0}, 5, 1000).start()) {
            for (int p = 0; p < PEERS; p++) {
                cluster.append(p, input.partitions.get(p));
            }
            SnapshotAudit audit = new SnapshotAudit(cluster, input);
            audit.quiescentBalances(1000);
            cluster.signal(2, "STOP");                      // peer-2 stalls: it cannot record or send its marker
            long id = cluster.control(0).post("/checkpoints/trigger", Map.of("reason", "external")).json()
                    .path("id").asLong();
            MarkerCluster.await("peer-0 reports the snapshot committed", Duration.ofSeconds(20), () -> {
                JsonNode list = cluster.get(0, "/checkpoints");
                return list != null && list.toString().contains("\"id\":" + id + ",\"reason\":\"external\",\"status\":\"committed\"");
            });
            Thread.sleep(500);
            // Committed, yet no running peer has a durable part (each still waits for peer-2's marker):
            // a checker reading this committed snapshot finds none of the bank's money in it.
            for (int i = 0; i < 2; i++) {
                JsonNode part = cluster.get(i, "/checkpoints/" + id + "/content");
                assertThat(part).as("peer-%d's part of committed snapshot %d", i, id).isNull();
            }
            cluster.signal(2, "CONT");
        }
    }

    @Test
    @Timeout(120)
    void restoreMixedSnapshotsEndsWithWrongBalances() throws Exception {
        BankInput input = new BankInput(PEERS, 5, 1000, PER_PARTITION, 13);
        try (MarkerCluster cluster = new MarkerCluster(MarkerCluster.JAR, MarkerCluster.freshDir("restore-mixed-snapshots"), PEERS,
                "restore-mixed-snapshots", new int[] {200, 0, 0}, 5, 1000).start()) {
            SnapshotAudit audit = new SnapshotAudit(cluster, input);
            for (int from = 0; from < PER_PARTITION; from += CHUNK) {
                if (from == PER_PARTITION / 2) {
                    MarkerCluster.await("a snapshot committed", Duration.ofSeconds(20), () -> {
                        audit.poll();
                        return !audit.committedAt.isEmpty();
                    });
                    cluster.kill9(2);      // restarts knowing no commit: it was only ever told of them
                    cluster.startPeer(2);
                    cluster.awaitRunning(Duration.ofSeconds(40));
                }
                for (int p = 0; p < PEERS; p++) {
                    cluster.append(p, input.partitions.get(p).subList(from, from + CHUNK));
                }
                Thread.sleep(200);
            }
            Map<String, Long> balances = audit.quiescentBalances(PER_PARTITION);
            audit.poll();
            System.out.println("restore-mixed-snapshots: restores " + audit.restores);
            assertThat(balances).isNotEqualTo(input.finalBalances());
        }
    }
}
