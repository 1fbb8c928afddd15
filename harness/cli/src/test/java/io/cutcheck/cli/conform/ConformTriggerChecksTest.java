package io.cutcheck.cli.conform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The trigger and {@code /triggers} against hand-written nodes. */
class ConformTriggerChecksTest {

    final NodeDouble coordinator;
    final NodeDouble operator;
    final TriggerChecks checks;

    ConformTriggerChecksTest() throws Exception {
        coordinator = new NodeDouble("coordinator", "coordinator");
        operator = new NodeDouble("operator-0", "operator");
        operator.override("POST /checkpoints/trigger", NodeDouble.error(409, "not the coordinator"));
        KitCluster cluster = KitCluster.of(NodeDouble.system("stream"),
                List.of(coordinator.member(true), operator.member(false)), null, null);
        checks = new TriggerChecks(cluster, new Waits(new PrintWriter(new StringWriter())));
    }

    @AfterEach
    void stop() {
        coordinator.close();
        operator.close();
    }

    @Test
    void correctTriggersPass() {
        assertThat(checks.triggers(1000, 0)).extracting(Outcome::verdict).containsOnly(Verdict.PASS);
        assertThat(coordinator.intervalMs).as("put back as configured").isEqualTo(1000);
        assertThat(checks.others().verdict()).isEqualTo(Verdict.PASS);
        assertThat(checks.trigger("external").id()).isEqualTo(1);
        assertThat(checks.trigger("external").id()).isEqualTo(2);
        assertThat(checks.answered()).containsExactly(1L, 2L);
        assertThat(checks.triggerFindings().clean()).isTrue();
    }

    @Test
    void aTriggerRefusedWith409IsRetried() {
        AtomicInteger calls = new AtomicInteger();
        coordinator.overrides.put("POST /checkpoints/trigger", x -> calls.incrementAndGet() <= 2
                ? NodeDouble.error(409, "one in flight") : new NodeDouble.Answer(202, "{\"id\":12}"));
        TriggerChecks.Triggered t = checks.trigger("external");
        assertThat(t.id()).isEqualTo(12);
        assertThat(t.refusals()).isEqualTo(2);
        assertThat(checks.triggerFindings().clean()).isTrue();
    }

    @Test
    void aTriggerAnswering200WithoutAnIdFails() {
        coordinator.override("POST /checkpoints/trigger", new NodeDouble.Answer(200, "{\"checkpoint\":3}"));
        assertThat(checks.trigger("external").ok()).isFalse();
        Outcome o = checks.triggerFindings().outcome("");
        assertThat(o.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(o.note()).contains("answered 200, not 202 or 409");
    }

    @Test
    void negativeTriggersAcceptedFail() {
        coordinator.override("PUT /triggers", NodeDouble.ok(NodeDouble.JSON.createObjectNode().put("intervalMs", -5)
                .put("everyRecords", 0)));
        List<Outcome> o = checks.triggers(1000, 0);
        assertThat(o.get(1).rule()).isEqualTo(Rules.TRIGGERS_INVALID);
        assertThat(o.get(1).verdict()).isEqualTo(Verdict.FAIL);
        assertThat(o.get(1).note()).contains("answered PUT /triggers with 200, not 400");
    }

    @Test
    void anotherNodeAnswering500Fails() {
        operator.override("POST /checkpoints/trigger", NodeDouble.error(500, "boom"));
        Outcome o = checks.others();
        assertThat(o.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(o.note()).contains("operator-0 answered 500, not 409 or 202");
    }
}
