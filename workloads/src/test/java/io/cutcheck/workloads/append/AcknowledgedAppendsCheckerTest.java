package io.cutcheck.workloads.append;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cutcheck.harness.checker.Validity;
import io.cutcheck.harness.history.Op;
import io.cutcheck.harness.history.OpType;
import io.cutcheck.harness.observe.Collected;
import io.cutcheck.harness.observe.Observations;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AcknowledgedAppendsCheckerTest {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private final AcknowledgedAppendsChecker checker = new AcknowledgedAppendsChecker();

    private static ObjectNode record(String key, int value) {
        return JSON.objectNode().put("key", key).put("value", value);
    }

    private static List<Op> history(OpType outcome, long first) {
        Op invoke = Op.invoke(0, AppendClient.APPEND, AppendBatch.of(0, List.of(record("k1", 3), record("k2", 4))).toJson())
                .withIndexAndTime(0, 0, 0);
        JsonNode answer = outcome == OpType.OK ? JSON.objectNode().put("partition", 0).put("first", first).put("count", 2) : null;
        return List.of(invoke, invoke.complete(outcome, answer, null).withIndexAndTime(1, 1, 1));
    }

    private static Observations run(List<Op> history, int logged) {
        List<JsonNode> log = new ArrayList<>();
        log.add(record("k0", 1).put("offset", 0));
        if (logged > 0) {
            log.add(record("k1", 3).put("offset", 1));
        }
        if (logged > 1) {
            log.add(record("k2", 4).put("offset", 2));
        }
        return new Observations("stream", Map.of(), history, List.of(), List.of(), List.of(), Map.of(), Map.of(0, log),
                List.of(), Collected.whole(1), Map.of(), true);
    }

    @Test
    void anAcknowledgedBatchFoundWhereTheLogSaidIsValid() {
        var result = checker.check(run(history(OpType.OK, 1), 2));
        assertThat(result.validity()).isEqualTo(Validity.VALID);
        assertThat(result.stats()).containsEntry("acknowledgedAppends", 1L);
    }

    @Test
    void anAcknowledgedBatchMissingFromTheLogMakesTheRunUnknown() {
        assertThat(checker.check(run(history(OpType.OK, 1), 1)).validity()).isEqualTo(Validity.UNKNOWN);
        assertThat(checker.check(run(history(OpType.OK, 0), 2)).anomalies().get(0).explanation()).contains("instead of");
    }

    @Test
    void numbersCompareByValueWhateverTheirJsonType() {
        Observations run = run(history(OpType.OK, 1), 2);
        ((ObjectNode) run.input().get(0).get(2)).put("value", 4L);
        assertThat(checker.check(run).validity()).isEqualTo(Validity.VALID);
    }

    @Test
    void anUnknownAppendMissingFromTheLogIsNoProblem() {
        var result = checker.check(run(history(OpType.INFO, 0), 0));
        assertThat(result.validity()).isEqualTo(Validity.VALID);
        assertThat(result.stats()).containsEntry("unknownAppends", 1L);
    }

    @Test
    void anInputLogNeverReadIsUnknownWithTheReason() {
        Observations o = new Observations("stream", Map.of(), history(OpType.OK, 1), List.of(), List.of(), List.of(),
                Map.of(), Map.of(), List.of(), Collected.missing("the run ended before the input log was read"),
                Map.of(), false);
        var result = checker.check(o);
        assertThat(result.validity()).isEqualTo(Validity.UNKNOWN);
        assertThat(result.anomalies().get(0).explanation()).contains("ended before the input log was read");
    }
}
