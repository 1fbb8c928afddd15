package io.cutcheck.cli.conform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The watch over {@code /checkpoints}, poll by poll, against hand-written lists. */
class ConformCheckpointWatchTest {

    final NodeDouble coordinator;
    final NodeDouble operator;
    final KitCluster cluster;
    final CheckpointWatch watch;

    ConformCheckpointWatchTest() throws Exception {
        coordinator = new NodeDouble("coordinator", "coordinator");
        operator = new NodeDouble("operator-0", "operator");
        cluster = KitCluster.of(NodeDouble.system("stream"), List.of(coordinator.member(true), operator.member(false)),
                null, null);
        watch = new CheckpointWatch(cluster);
    }

    @AfterEach
    void stop() {
        coordinator.close();
        operator.close();
    }

    static ObjectNode entry(ArrayNode list, long id, String status, String reason, String metadataPath,
                            String... nodes) {
        ObjectNode e = list.addObject().put("id", id).put("reason", reason).put("status", status)
                .put("triggeredAt", 1L).putNull("acksCompleteAt");
        if (status.equals("committed")) {
            e.put("committedAt", 2L);
        } else {
            e.putNull("committedAt");
        }
        if (status.equals("aborted")) {
            e.put("abortedAt", 2L);
        } else {
            e.putNull("abortedAt");
        }
        e.put("sizeBytes", status.equals("pending") ? 0 : 10).put("metadataPath", metadataPath);
        ArrayNode n = e.putArray("nodes");
        for (String node : nodes) {
            n.add(node);
        }
        return e;
    }

    /** The coordinator lists {@code id} with {@code status}, the operator its part as told. */
    void list(long id, String status) {
        ArrayNode c = NodeDouble.JSON.createArrayNode();
        entry(c, id, status, "interval", "/data/checkpoints/" + id + "/_metadata", "operator-0");
        coordinator.checkpoints = c;
        ArrayNode o = NodeDouble.JSON.createArrayNode();
        entry(o, id, status, null, null, "operator-0");
        operator.checkpoints = o;
    }

    Map<String, Outcome> poll() {
        watch.pollOnce(cluster.member("coordinator"));
        watch.pollOnce(cluster.member("operator-0"));
        return watch.outcomes().stream().collect(Collectors.toMap(o -> o.rule().id(), Function.identity()));
    }

    @Test
    void pendingThenCommittedPassesEveryRule() {
        list(1, "pending");
        poll();
        list(1, "committed");
        Map<String, Outcome> o = poll();
        assertThat(o.values()).extracting(Outcome::verdict).containsOnly(Verdict.PASS);
        assertThat(watch.committed(1)).isTrue();
        assertThat(watch.ownByCommitter()).containsExactly(1L);
        assertThat(watch.maxCommitted()).isEqualTo(1);
    }

    @Test
    void aCommittedCheckpointThatGoesBackToPendingFails() {
        list(3, "committed");
        poll();
        list(3, "pending");
        Outcome o = poll().get(Rules.TRANSITIONS.id());
        assertThat(o.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(o.note()).contains("listed 3 committed, then pending");
        assertThat(o.evidence().get(0)).contains("GET " + coordinator.uri() + "/checkpoints → 200", "\"id\":3");
    }

    @Test
    void committedOnOneNodeAndAbortedOnAnotherFails() {
        list(4, "committed");
        ArrayNode o = NodeDouble.JSON.createArrayNode();
        entry(o, 4, "aborted", null, null, "operator-0");
        operator.checkpoints = o;
        assertThat(poll().get(Rules.TRANSITIONS.id()).note()).contains("4 is committed on coordinator and aborted on"
                + " operator-0");
    }

    @Test
    void anUnorderedListOrAnUnknownStatusFails() {
        ArrayNode c = NodeDouble.JSON.createArrayNode();
        entry(c, 5, "committed", "interval", "/m/5", "operator-0");
        entry(c, 2, "committed", "interval", "/m/2", "operator-0");
        entry(c, 6, "done", "interval", "/m/6", "operator-0");
        coordinator.checkpoints = c;
        Outcome o = poll().get(Rules.CHECKPOINT_LIST.id());
        assertThat(o.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(o.note()).contains("2 listed after 5");
        assertThat(String.join("\n", o.evidence())).contains("status is none of pending, committed, aborted");
    }

    @Test
    void twoCommittingEntriesOrAnOtherEntryNamingOtherNodesFail() {
        list(7, "committed");
        ArrayNode o = NodeDouble.JSON.createArrayNode();
        entry(o, 7, "committed", "interval", null, "operator-0", "coordinator");
        operator.checkpoints = o;
        Outcome entries = poll().get(Rules.COMMIT_ENTRY.id());
        assertThat(entries.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(entries.note()).contains("7 is listed with a reason or metadataPath by both coordinator and operator-0");

        ArrayNode other = NodeDouble.JSON.createArrayNode();
        entry(other, 8, "pending", null, null, "operator-0", "coordinator");
        operator.checkpoints = other;
        assertThat(poll().get(Rules.COMMIT_ENTRY.id()).evidence()).anyMatch(e -> e.contains("must list nodes"));
    }

    @Test
    void aHealthStatusOutsideTheThreeFails() {
        coordinator.override("GET /health", new NodeDouble.Answer(200, "{\"status\":\"ready\"}"));
        Outcome o = poll().get(Rules.HEALTH_STATUS.id());
        assertThat(o.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(o.note()).contains("status \"ready\"");
    }
}
