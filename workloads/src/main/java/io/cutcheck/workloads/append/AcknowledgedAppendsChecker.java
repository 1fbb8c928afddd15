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
import java.util.HashMap;
import java.util.Iterator;
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
        Map<Integer, Op> pending = new HashMap<>();
        AnomalyCollector problems = new AnomalyCollector();
        long acknowledged = 0;
        long unknown = 0;
        for (Op op : observations.history()) {
            if (!AppendClient.APPEND.equals(op.f())) {
                continue;
            }
            if (op.type() == OpType.INVOKE) {
                pending.put(op.process(), op);
                continue;
            }
            Op invoke = pending.remove(op.process());
            if (op.type() == OpType.INFO) {
                unknown++;
            }
            if (op.type() != OpType.OK || invoke == null || !AppendBatch.isBatch(invoke.value()) || op.value() == null) {
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
        int partition = answer.path("partition").asInt(invocation.path("partition").asInt());
        long first = answer.path("first").asLong();
        JsonNode records = invocation.path("records");
        List<JsonNode> log = input.getOrDefault(partition, List.of());
        if (first < 0 || first + records.size() > log.size()) {
            return "holds only " + log.size() + " records in partition " + partition;
        }
        for (int i = 0; i < records.size(); i++) {
            JsonNode logged = log.get((int) first + i);
            Iterator<Map.Entry<String, JsonNode>> fields = records.get(i).fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!field.getValue().equals(logged.get(field.getKey()))) {
                    return "holds " + logged + " at " + partition + "/" + (first + i) + " instead of " + records.get(i);
                }
            }
        }
        return null;
    }
}
