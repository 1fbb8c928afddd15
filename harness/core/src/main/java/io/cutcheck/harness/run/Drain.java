package io.cutcheck.harness.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutcheck.harness.observe.CheckpointObservation;
import io.cutcheck.harness.observe.CheckpointPoller;
import io.cutcheck.harness.services.InputLogReader;
import io.cutcheck.harness.services.OutputReader;
import io.cutcheck.harness.sut.Reply;
import io.cutcheck.harness.sut.SutClient;
import io.cutcheck.harness.sut.Triggers;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * After healing, lets the system catch up: triggers a checkpoint with reason {@code final} on the
 * committing node, waits for it to commit, and checks from its content that the committed source
 * positions reach the end of every input partition; if not, tries again, until the deadline.
 * Then waits until the transactions prepared up to that checkpoint are committed (a 2PC sink
 * commits after the coordinator's notice) and the committed output stops growing.
 *
 * <p>First it turns the nodes' automatic triggers off ({@code PUT /triggers}): with several
 * initiators and a short interval, newer checkpoints would subsume the final one before the
 * harness saw it committed, and the drain would wait on a checkpoint that no longer exists.
 */
final class Drain {

    private final SutClient committer;
    private final List<SutClient> nodes;
    private final CheckpointPoller checkpoints;
    private final InputLogReader input;
    private final OutputReader output;

    Drain(SutClient committer, List<SutClient> nodes, CheckpointPoller checkpoints, InputLogReader input,
          OutputReader output) {
        this.committer = committer;
        this.nodes = List.copyOf(nodes);
        this.checkpoints = checkpoints;
        this.input = input;
        this.output = output;
    }

    DrainOutcome run(long timeoutMillis) {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        Map<Integer, Long> ends = input.ends().result().orElse(null);
        if (ends == null) {
            return new DrainOutcome(false, null, "the input log did not answer");
        }
        for (SutClient node : nodes) {
            node.setTriggers(new Triggers(0, 0)); // a node that takes no triggers refuses: nothing to turn off
        }
        String note = "no final checkpoint committed";
        Long last = null;
        while (System.currentTimeMillis() < deadline) {
            Reply<Long> trigger = committer.trigger("final");
            if (!(trigger instanceof Reply.Ok<Long> ok)) {
                note = "final trigger refused: " + trigger.describe();
                Cluster.sleep(300);
                continue;
            }
            long id = ok.value();
            Optional<CheckpointObservation> done = awaitFinished(id, deadline);
            if (done.isEmpty() || !done.get().committed()) {
                note = "final checkpoint " + id + (done.isEmpty() ? " did not finish" : " was " + done.get().status());
                continue;
            }
            last = id;
            awaitContents(id, deadline);
            Map<Integer, Long> positions = positions(checkpoints.contents(id));
            String behind = behind(ends, positions);
            if (behind.isEmpty()) {
                String unsettled = settleOutput(id, deadline);
                return unsettled == null ? new DrainOutcome(true, id, "final checkpoint " + id + " covers all input")
                        : new DrainOutcome(false, id, unsettled);
            }
            note = "final checkpoint " + id + " is behind the input: " + behind;
            Cluster.sleep(500);
        }
        return new DrainOutcome(false, last, note);
    }

    private Optional<CheckpointObservation> awaitFinished(long id, long deadline) {
        while (System.currentTimeMillis() < deadline) {
            checkpoints.pollOnce();
            Optional<CheckpointObservation> cp = checkpoints.checkpoint(id);
            if (cp.isPresent() && !"pending".equals(cp.get().status())) {
                return cp;
            }
            Cluster.sleep(100);
        }
        return checkpoints.checkpoint(id);
    }

    private void awaitContents(long id, long deadline) {
        while (System.currentTimeMillis() < deadline && !checkpoints.contentsComplete(id)) {
            checkpoints.pollOnce();
            Cluster.sleep(50);
        }
    }

    /** Input partition → the highest next offset any part names. */
    static Map<Integer, Long> positions(Map<String, JsonNode> parts) {
        Map<Integer, Long> positions = new HashMap<>();
        for (JsonNode part : parts.values()) {
            part.path("positions").fields().forEachRemaining(e ->
                    positions.merge(Integer.parseInt(e.getKey()), e.getValue().asLong(), Math::max));
        }
        return positions;
    }

    private static String behind(Map<Integer, Long> ends, Map<Integer, Long> positions) {
        StringBuilder b = new StringBuilder();
        ends.forEach((p, end) -> {
            long at = positions.getOrDefault(p, 0L);
            if (at < end) {
                b.append(b.length() == 0 ? "" : ", ").append("partition ").append(p).append(" at ").append(at)
                        .append(" of ").append(end);
            }
        });
        return b.toString();
    }

    /**
     * Waits until no transaction prepared for a checkpoint up to the final one is left uncommitted
     * (a two-phase-commit sink commits after the coordinator's notice), then until the committed
     * output stops growing. Returns null when settled, else why not.
     */
    private String settleOutput(long finalCheckpoint, long deadline) {
        String pending = "the output store did not answer";
        while (System.currentTimeMillis() < deadline) {
            Reply<List<JsonNode>> prepared = output.prepared();
            if (prepared instanceof Reply.Ok<List<JsonNode>> ok) {
                List<String> open = ok.value().stream()
                        .filter(t -> !t.hasNonNull("checkpoint") || t.path("checkpoint").asLong() <= finalCheckpoint)
                        .map(t -> t.path("txn").asText())
                        .toList();
                if (open.isEmpty()) {
                    awaitStableOutput(Math.min(deadline, System.currentTimeMillis() + 5000));
                    return null;
                }
                pending = "transactions prepared but not committed after the final checkpoint: " + open;
            }
            Cluster.sleep(200);
        }
        return pending;
    }

    private void awaitStableOutput(long until) {
        long previous = -1;
        while (System.currentTimeMillis() < until) {
            long end = output.end().result().orElse(-1L);
            if (end == previous && end >= 0) {
                return;
            }
            previous = end;
            Cluster.sleep(500);
        }
    }
}
