package io.cutcheck.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.cutcheck.harness.checker.Anomaly;
import io.cutcheck.harness.checker.CheckResult;
import io.cutcheck.harness.checker.Validity;
import io.cutcheck.harness.history.Op;
import io.cutcheck.harness.history.OpType;
import io.cutcheck.harness.observe.CheckpointObservation;
import io.cutcheck.harness.observe.FaultRecord;
import io.cutcheck.harness.observe.NodeEvent;
import io.cutcheck.harness.observe.Collected;
import io.cutcheck.harness.observe.Observations;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A realistic 30 s run of the barrier system, made up but shaped like the real thing: a
 * checkpoint every second through six nodes, a kill of operator-1 at 8 s (restore from
 * checkpoint 7), a pause of sink-0 from 15 s to 18 s (checkpoints 15-17 abort on timeout), a
 * partition at 22 s (restore from checkpoint 21), four clients appending throughout, and one
 * checker that finds a restore from an uncommitted checkpoint.
 */
public final class SyntheticRun {

    public static final long T0 = 1_764_000_000_000L;
    public static final List<String> NODES = List.of("coordinator", "source-0", "source-1", "operator-0", "operator-1", "sink-0");
    public static final long BAD_CHECKPOINT = 16;

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final List<NodeEvent> events = new ArrayList<>();
    private final List<CheckpointObservation> checkpoints = new ArrayList<>();
    private final Random random = new Random(42);

    private SyntheticRun() {}

    public static RunReport report(Path storeDir) {
        return report(storeDir, results());
    }

    public static RunReport report(Path storeDir, List<CheckResult> results) {
        Map<String, Duration> phases = new LinkedHashMap<>();
        phases.put("setup", Duration.ofMillis(2_340));
        phases.put("run", Duration.ofMillis(30_000));
        phases.put("heal", Duration.ofMillis(410));
        phases.put("drain", Duration.ofMillis(3_120));
        phases.put("check", Duration.ofMillis(180));
        return new RunReport(observations(), results, phases, storeDir, spec());
    }

    public static JsonNode spec() {
        try {
            return new ObjectMapper().readTree("""
                    {"name": "barrier-kill-pause", "system": "barrier", "workload": "stream", "seed": 1234567,
                     "timeLimitMs": 30000, "checkpoint": {"intervalMs": 1000, "timeoutMs": 2500, "retain": 3},
                     "nemesis": ["kill", "pause", "partition"], "defect": null}""");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<CheckResult> results() {
        Anomaly uncommitted = new Anomaly("restore-from-uncommitted",
                "operator-1 restored from checkpoint 16, which was still pending when the restore began.",
                BAD_CHECKPOINT, "operator-1", Map.of("restoreStartedAt", T0 + 22_600, "checkpointStatus", "aborted",
                "events", List.of(412, 413)));
        return List.of(
                CheckResult.of("committed-restore", List.of(uncommitted), Map.of("restores", 3)),
                CheckResult.valid("exactly-once", Map.of("records", 2_400, "duplicates", 0)),
                CheckResult.valid("progress", Map.of("commitsAfterHeal", 6)));
    }

    public static Observations observations() {
        SyntheticRun run = new SyntheticRun();
        for (String node : NODES) {
            run.event(node, 1, 0, "started", null);
        }
        for (long id = 1; id <= 29; id++) {
            run.checkpoint(id, T0 + id * 1_000 + 13);
        }
        run.restore(List.of("operator-1"), 8_420, 9_050, 7L, 2);
        run.restore(List.of("source-0", "source-1", "operator-0", "sink-0", "coordinator"), 8_450, 9_180, 7L, 1);
        run.restore(List.of("operator-1"), 22_600, 23_100, BAD_CHECKPOINT, 2);
        run.restore(List.of("source-0", "operator-0"), 22_650, 23_240, 21L, 1);
        List<FaultRecord> faults = List.of(
                new FaultRecord(1, "kill", List.of("operator-1"), T0 + 8_000, T0 + 8_400, null),
                new FaultRecord(2, "pause", List.of("sink-0"), T0 + 15_000, T0 + 18_000, null),
                new FaultRecord(3, "partition", List.of("source-0", "operator-1"), T0 + 22_000, T0 + 24_000, null));
        run.events.sort(Comparator.comparingLong(NodeEvent::time));
        return new Observations("stream", Map.of("partitions", JSON.numberNode(2)), run.history(), run.events, faults,
                run.checkpoints, Map.of(), Map.of(), List.of(), Collected.whole(0),
                Map.of(), true);
    }

    private void checkpoint(long id, long triggered) {
        boolean sinkPaused = triggered >= T0 + 15_000 && triggered < T0 + 18_000;
        boolean killed = triggered >= T0 + 8_000 && triggered < T0 + 9_200;
        event("coordinator", 1, triggered, "triggered", id);
        long lastAck = triggered;
        for (String node : NODES.subList(1, NODES.size())) {
            long received = triggered + 3 + random.nextInt(8) + (node.startsWith("operator") ? 6 : 0) + (node.startsWith("sink") ? 12 : 0);
            if ((sinkPaused && node.equals("sink-0")) || (killed && node.equals("operator-1"))) {
                continue; // never acknowledges
            }
            event(node, 1, received, node.startsWith("source") ? "triggered" : "barrier-received", id);
            long written = received + 8 + random.nextInt(25);
            event(node, 1, written, "snapshot-written", id);
            event(node, 1, written + 1, "ack-sent", id);
            lastAck = Math.max(lastAck, written + 2);
        }
        boolean aborted = sinkPaused || killed;
        if (aborted) {
            long abortedAt = triggered + (killed ? 400 : 2_500);
            event("coordinator", 1, abortedAt, "aborted", id);
            checkpoints.add(new CheckpointObservation(id, "interval", "aborted", triggered, null, null, abortedAt,
                    null, NODES.subList(1, NODES.size()), triggered + 20, null, abortedAt + 30));
        } else {
            long committed = lastAck + 4 + random.nextInt(6);
            event("coordinator", 1, committed, "committed", id);
            event("sink-0", 1, committed + 3, "notified", id);
            checkpoints.add(new CheckpointObservation(id, id == 29 ? "final" : "interval", "committed", triggered, lastAck,
                    committed, null, 18_000L + random.nextInt(4_000), NODES.subList(1, NODES.size()), triggered + 20,
                    committed + 30, null));
        }
    }

    private void restore(List<String> nodes, long startMs, long endMs, Long checkpoint, long incarnation) {
        for (String node : nodes) {
            long started = T0 + startMs + random.nextInt(40);
            event(node, incarnation, started, "restore-started", checkpoint);
            event(node, incarnation, T0 + endMs + random.nextInt(60), "restored", checkpoint);
        }
    }

    private void event(String node, long incarnation, long time, String type, Long checkpoint) {
        long at = time == 0 ? T0 - 500 : time;
        events.add(new NodeEvent(node, incarnation, events.size(), at, type, checkpoint, JSON.objectNode(), at + 2));
    }

    // Four clients append every ~50 ms; during the kill appends time out (info), during the pause
    // the sink's back-pressure makes some fail.
    private List<Op> history() {
        List<Op> ops = new ArrayList<>();
        long[] next = {0, 12, 25, 37};
        long index = 0;
        List<long[]> raw = new ArrayList<>();
        for (int process = 0; process < 4; process++) {
            for (long t = next[process]; t < 30_000; ) {
                long latency = 2 + random.nextInt(9);
                OpType outcome = OpType.OK;
                if (t >= 8_000 && t < 9_200) {
                    latency = 500;
                    outcome = OpType.INFO;
                } else if (t >= 15_000 && t < 18_000) {
                    latency = 40 + random.nextInt(160);
                    outcome = random.nextInt(4) == 0 ? OpType.FAIL : OpType.OK;
                }
                raw.add(new long[] {process, t, latency, outcome.ordinal()});
                t += latency + 40 + random.nextInt(20);
            }
        }
        List<long[]> lines = new ArrayList<>();
        for (long[] op : raw) {
            lines.add(new long[] {op[0], op[1], -1, op[3]});
            lines.add(new long[] {op[0], op[1] + op[2], op[3], op[3]});
        }
        lines.sort(Comparator.comparingLong((long[] l) -> l[1]));
        for (long[] line : lines) {
            OpType type = line[2] < 0 ? OpType.INVOKE : OpType.values()[(int) line[2]];
            ops.add(new Op(index++, type, (int) line[0], "append", JSON.numberNode(index), line[1] * 1_000_000,
                    T0 + line[1], type == OpType.INFO ? "timeout" : type == OpType.FAIL ? "refused" : null));
        }
        return ops;
    }

    /** The same run with every checker valid. */
    public static List<CheckResult> validResults() {
        return results().stream().map(r -> r.validity() == Validity.INVALID
                ? CheckResult.valid(r.checker(), r.stats()) : r).toList();
    }
}
