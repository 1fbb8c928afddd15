package io.cutcheck.workloads.append;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutcheck.harness.checker.Anomaly;
import io.cutcheck.harness.checker.AnomalyCollector;
import io.cutcheck.harness.checker.CheckResult;
import io.cutcheck.harness.checker.Checker;
import io.cutcheck.harness.checker.Validity;
import io.cutcheck.harness.history.Op;
import io.cutcheck.harness.history.OpType;
import io.cutcheck.harness.observe.Observations;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The other checkers take the input log read after the run as the truth of what was appended
 * (so an append whose outcome was unknown is never proof of loss). This one checks that the truth
 * holds what the clients were told: every acknowledged ({@code OK}) append's records sit in its
 * partition at the offsets the log answered, field for field. A difference says the run's own
 * services are not to be trusted, so it makes the verdict UNKNOWN, never INVALID: the system under
 * test is not to blame for it.
 */
public final class AcknowledgedAppendsChecker implements Checker {

    public static final String NAME = "acknowledged-appends";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CheckResult check(Observations observations) {
        if (!observations.collected().isWhole()) {
            return CheckResult.unknown(NAME, observations.collected().missing());
        }
        List<Op> pending = new ArrayList<>(); // by process: its open invocation
        AnomalyCollector problems = new AnomalyCollector();
        long acknowledged = 0;
        long unknown = 0;
        for (Op op : observations.history()) {
            if (!AppendClient.APPEND.equals(op.f())) {
                continue;
            }
            if (op.process() < 0) {
                continue;
            }
            while (pending.size() <= op.process()) {
                pending.add(null);
            }
            if (op.type() == OpType.INVOKE) {
                pending.set(op.process(), op);
                continue;
            }
            Op invoke = pending.set(op.process(), null);
            if (op.type() == OpType.INFO) {
                unknown++;
            }
            if (op.type() != OpType.OK || invoke == null || invoke.value() == null || op.value() == null) {
                continue;
            }
            acknowledged++;
            String problem = difference(invoke.value(), op.value(), observations.input());
            if (problem != null) {
                problems.add(new Anomaly("acknowledged-append-missing", "The append at history index " + op.index()
                        + " was acknowledged at " + op.value() + ", but the input log read after the run " + problem + ".",
                        null, null, Map.of("invokeIndex", invoke.index(), "completionIndex", op.index())));
            }
        }
        Map<String, Object> stats = Map.of("acknowledgedAppends", acknowledged, "unknownAppends", unknown);
        if (problems.isEmpty()) {
            return CheckResult.valid(NAME, stats);
        }
        return new CheckResult(NAME, Validity.UNKNOWN, problems.anomalies(), stats);
    }

    /** What differs between the acknowledged batch and the log, or null. */
    private static String difference(JsonNode invocation, JsonNode answer, Map<Integer, List<JsonNode>> input) {
        int partition = invocation.path("partition").asInt(-1);
        long first = answer.path("first").asLong(-1);
        JsonNode records = invocation.path("records");
        List<JsonNode> log = input.getOrDefault(partition, List.of());
        if (first < 0 || first + records.size() > log.size()) {
            return "holds only " + log.size() + " records in partition " + partition;
        }
        for (int i = 0; i < records.size(); i++) {
            JsonNode logged = log.get((int) first + i);
            JsonNode sent = records.get(i);
            for (Map.Entry<String, JsonNode> field : sent.properties()) {
                if (!same(field.getValue(), logged.get(field.getKey()))) {
                    return "holds " + logged + " at " + partition + "/" + (first + i) + " instead of " + sent;
                }
            }
        }
        return null;
    }

    /** Equal values; numbers by value, since a log may read 5 back as another integer type. */
    private static boolean same(JsonNode sent, JsonNode logged) {
        if (logged == null) {
            return false;
        }
        if (sent.isIntegralNumber() && logged.isIntegralNumber() && sent.canConvertToLong() && logged.canConvertToLong()) {
            return sent.longValue() == logged.longValue();
        }
        return sent.equals(logged);
    }
}
