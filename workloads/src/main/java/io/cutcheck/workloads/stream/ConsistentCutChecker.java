package io.cutcheck.workloads.stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutcheck.harness.checker.Anomaly;
import io.cutcheck.harness.checker.AnomalyCollector;
import io.cutcheck.harness.checker.CheckResult;
import io.cutcheck.harness.checker.Checker;
import io.cutcheck.harness.checker.CommitEvidence;
import io.cutcheck.harness.checker.Coverage;
import io.cutcheck.harness.checker.Validity;
import io.cutcheck.harness.observe.CheckpointObservation;
import io.cutcheck.harness.observe.Observations;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Stream consistent cut: the operators' state in each committed checkpoint is exactly what the
 * input prefix named by its source positions produces — for every key, the count and sum of that
 * key's records before those positions. A barrier that was not aligned, or positions taken at
 * another moment than the state, shows as a key whose state is ahead of or behind the prefix.
 *
 * <p>A partition no source names counts as position 0 if every node listed for the checkpoint
 * gave its content; a checkpoint with a part missing is not judged.
 *
 * <p>Coverage: the result says how many of the committed checkpoints were judged, and why the
 * others were not (no content fetched: retention removed them first, or no node served them;
 * parts missing; positions that name no prefix of the input). The floor: when checkpoints
 * committed but none could be judged, the verdict is UNKNOWN with that coverage as its reason,
 * never VALID; when none committed at all, UNKNOWN too (there was no cut to judge). A judgement
 * of some of them is VALID with the coverage stated beside it.
 * Checkpoints are visited in the order of their positions and the expected state is moved from
 * one prefix to the next, so the work grows with the input, not with input × checkpoints.
 */
public final class ConsistentCutChecker implements Checker {

    public static final String NAME = "stream-consistent-cut";
    private static final int KEYS_SHOWN = 5;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Stage stage() {
        return Stage.CUT;
    }

    @Override
    public CheckResult check(Observations observations) {
        if (!observations.collected().isWhole()) {
            return CheckResult.unknown(NAME, observations.collected().missing());
        }
        StreamInput input;
        try {
            input = StreamInput.of(observations.input(), observations.collected().inputPartitions());
        } catch (StreamInput.Unreadable e) {
            return CheckResult.unknown(NAME, e.getMessage());
        }
        CommitEvidence commits = CommitEvidence.of(observations);
        Map<Long, List<String>> listedNodes = new HashMap<>();
        for (CheckpointObservation c : observations.checkpoints()) {
            listedNodes.put(c.id(), c.nodes());
        }
        AnomalyCollector anomalies = new AnomalyCollector();
        List<Long> incomplete = new ArrayList<>();
        List<Map.Entry<Long, CutContent>> cuts = new ArrayList<>();
        for (Map.Entry<Long, Map<String, JsonNode>> e : new java.util.TreeMap<>(observations.contents()).entrySet()) {
            long id = e.getKey();
            if (commits.committedAt(id).isEmpty()) {
                continue;
            }
            if (!e.getValue().keySet().containsAll(listedNodes.getOrDefault(id, List.of()))) {
                incomplete.add(id);
                continue;
            }
            cuts.add(Map.entry(id, CutContent.of(e.getValue())));
        }
        cuts.sort(Comparator.comparingLong(c -> c.getValue().positions().values().stream().mapToLong(Long::longValue).sum()));
        Prefix prefix = new Prefix(input);
        int judged = 0;
        for (Map.Entry<Long, CutContent> cut : cuts) {
            if (judge(cut.getKey(), cut.getValue(), input, prefix, anomalies)) {
                judged++;
            }
        }
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("checkpointsJudged", judged);
        stats.put("checkpointsWithPartsMissing", incomplete);
        int committed = commits.committed().size();
        int withoutContent = committed - cuts.size() - incomplete.size();
        stats.put("checkpointsWithoutContent", withoutContent);
        if (committed == 0) {
            return new CheckResult(NAME, Validity.UNKNOWN, List.of(Anomaly.of("no-content",
                    "No checkpoint was seen committed, so no checkpoint content was judged.")), stats);
        }
        return CheckResult.judged(NAME, anomalies.anomalies(), stats, new Coverage(judged, committed,
                "committed checkpoints", notJudged(withoutContent, incomplete.size(), cuts.size() - judged)));
    }

    /** Why committed checkpoints were not judged, counted by reason; null when all were. */
    static String notJudged(int withoutContent, int partsMissing, int noPrefix) {
        List<String> reasons = new ArrayList<>();
        if (withoutContent > 0) {
            reasons.add(withoutContent + " had no content fetched");
        }
        if (partsMissing > 0) {
            reasons.add(partsMissing + " had parts missing");
        }
        if (noPrefix > 0) {
            reasons.add(noPrefix + " had positions that name no input prefix");
        }
        return reasons.isEmpty() ? null : String.join(", ", reasons);
    }

    /** Judges one checkpoint; false when its positions cannot name a prefix. */
    private static boolean judge(long id, CutContent cut, StreamInput input, Prefix prefix, AnomalyCollector anomalies) {
        if (cut.conflict() != null) {
            anomalies.add(new Anomaly("conflicting-positions", "Checkpoint " + id + ": " + cut.conflict() + ".", id, null,
                    Map.of("positions", cut.positions())));
            return false;
        }
        long[] target = new long[input.partitions()];
        for (Map.Entry<Integer, Long> p : cut.positions().entrySet()) {
            if (p.getKey() < 0 || p.getKey() >= input.partitions() || p.getValue() < 0 || p.getValue() > input.length(p.getKey())) {
                anomalies.add(new Anomaly("position-beyond-input", "Checkpoint " + id + " says partition " + p.getKey()
                        + " was read up to offset " + p.getValue() + ", but the input log holds "
                        + input.length(p.getKey()) + " records there.", id, cut.positionNodes().get(String.valueOf(p.getKey())),
                        Map.of("partition", p.getKey(), "position", p.getValue())));
                return false;
            }
            target[p.getKey()] = p.getValue();
        }
        KeyTotals expected = prefix.moveTo(target);
        TreeSet<String> differing = new TreeSet<>();
        for (int k = 0; k < expected.keys(); k++) {
            String key = input.keyName(k);
            if (!expected.matches(k, cut.state().get(key))) {
                differing.add(key);
            }
        }
        cut.state().forEach((key, got) -> {
            if ((got[0] != 0 || got[1] != 0) && input.keyId(key) < 0) {
                differing.add(key);
            }
        });
        if (!differing.isEmpty()) {
            anomalies.add(inconsistent(id, cut, input, expected, differing));
        }
        return true;
    }

    private static Anomaly inconsistent(long id, CutContent cut, StreamInput input, KeyTotals expected,
                                        TreeSet<String> differing) {
        String key = differing.first();
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("key", key);
        evidence.put("expected", totals(expected.get(input.keyId(key))));
        evidence.put("actual", totals(cut.state().get(key)));
        evidence.put("positions", cut.positions());
        evidence.put("keysDiffering", differing.size());
        List<Map<String, Object>> more = new ArrayList<>();
        for (String k : differing.stream().skip(1).limit(KEYS_SHOWN - 1).toList()) {
            more.add(Map.of("key", k, "expected", totals(expected.get(input.keyId(k))), "actual", totals(cut.state().get(k))));
        }
        evidence.put("moreKeys", more);
        String node = cut.holder().get(key);
        return new Anomaly("inconsistent-cut", "Checkpoint " + id + ": key " + key + " has " + describe(cut.state().get(key))
                + (node == null ? "" : " on " + node) + ", but the input before positions " + cut.positions() + " gives "
                + describe(expected.get(input.keyId(key))) + (differing.size() == 1 ? "." : " (" + differing.size() + " keys differ)."),
                id, node, evidence);
    }

    private static Map<String, Long> totals(long[] t) {
        return t == null ? Map.of("count", 0L, "sum", 0L) : Map.of("count", t[0], "sum", t[1]);
    }

    private static String describe(long[] t) {
        return t == null ? "no state" : "count " + t[0] + " sum " + t[1];
    }

    /** The expected state of a moving prefix of the input. */
    private static final class Prefix {
        private final StreamInput input;
        private final long[] at;
        private final KeyTotals totals;

        Prefix(StreamInput input) {
            this.input = input;
            this.totals = new KeyTotals(input.keys());
            this.at = new long[input.partitions()];
        }

        KeyTotals moveTo(long[] target) {
            for (int p = 0; p < at.length; p++) {
                for (long o = at[p]; o < target[p]; o++) {
                    totals.add(input.keyId(p, (int) o), input.value(p, (int) o));
                }
                for (long o = at[p] - 1; o >= target[p]; o--) {
                    totals.remove(input.keyId(p, (int) o), input.value(p, (int) o));
                }
                at[p] = target[p];
            }
            return totals;
        }
    }
}
