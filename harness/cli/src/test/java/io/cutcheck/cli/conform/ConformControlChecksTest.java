package io.cutcheck.cli.conform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Section 2's plain answers against hand-written nodes: a correct one passes, each break fails its row. */
class ConformControlChecksTest {

    final NodeDouble coordinator;
    final NodeDouble operator;

    ConformControlChecksTest() throws Exception {
        coordinator = new NodeDouble("coordinator", "coordinator");
        operator = new NodeDouble("operator-0", "operator");
    }

    @AfterEach
    void stop() {
        coordinator.close();
        operator.close();
    }

    Map<String, Outcome> run() {
        KitCluster cluster = KitCluster.of(NodeDouble.system("stream"),
                List.of(coordinator.member(true), operator.member(false)), null, null);
        return new ControlChecks(cluster).run().stream().collect(Collectors.toMap(o -> o.rule().id(), Function.identity()));
    }

    @Test
    void aNodeThatFollowsTheProtocolPassesEveryRule() {
        assertThat(run().values()).extracting(Outcome::verdict).containsOnly(Verdict.PASS);
    }

    @Test
    void anUnknownPathAnswered200FailsWithTheCall() {
        operator.override("GET /cutcheck-no-such-path", NodeDouble.ok(NodeDouble.JSON.createObjectNode()));
        Outcome o = run().get(Rules.NOT_FOUND.id());
        assertThat(o.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(o.note()).contains("operator-0", "200, not 404");
        assertThat(o.evidence()).anyMatch(e -> e.startsWith("GET " + operator.uri() + "/cutcheck-no-such-path → 200"));
        assertThat(run().get(Rules.HEALTH.id()).verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void healthWithoutRestoredFromOrWithAnotherRoleFails() {
        coordinator.override("GET /health", new NodeDouble.Answer(200, "{\"protocol\":1,\"system\":\"double\","
                + "\"node\":\"coordinator\",\"role\":\"leader\",\"status\":\"running\",\"incarnation\":5}"));
        Outcome o = run().get(Rules.HEALTH.id());
        assertThat(o.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(o.note()).contains("role is \"leader\"");
        assertThat(String.join("\n", o.evidence())).contains("restoredFrom missing");
    }

    @Test
    void anErrorWithoutAnErrorBodyFails() {
        operator.override("POST /health", new NodeDouble.Answer(405, ""));
        Outcome o = run().get(Rules.WRONG_METHOD.id());
        assertThat(o.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(o.note()).contains("405 without a one-line {\"error\"} body");
    }

    @Test
    void aBodyThatIsNotJsonAcceptedFails() {
        coordinator.override("PUT /triggers", NodeDouble.ok(NodeDouble.JSON.createObjectNode().put("intervalMs", 1)));
        Outcome o = run().get(Rules.BAD_REQUEST.id());
        assertThat(o.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(o.note()).contains("PUT /triggers", "200, not 400");
    }
}
