package io.cutcheck.cli.conform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code /events} paging against a hand-written node. */
class ConformEventChecksTest {

    final NodeDouble node;

    ConformEventChecksTest() throws Exception {
        node = new NodeDouble("coordinator", "coordinator");
    }

    @AfterEach
    void stop() {
        node.close();
    }

    Map<String, Outcome> run() {
        KitCluster cluster = KitCluster.of(NodeDouble.system("stream"), List.of(node.member(true)), null, null);
        return new EventChecks(cluster).run().stream().collect(Collectors.toMap(o -> o.rule().id(), Function.identity()));
    }

    @Test
    void aNodeThatPagesAsTheProtocolSaysPasses() {
        assertThat(run().values()).extracting(Outcome::verdict).containsOnly(Verdict.PASS);
    }

    @Test
    void aNodeThatIgnoresMaxAndSinceFails() {
        ObjectNode all = NodeDouble.JSON.createObjectNode().put("incarnation", node.incarnation);
        all.set("events", node.events);
        all.put("next", node.events.size());
        node.override("GET /events", NodeDouble.ok(all));
        Map<String, Outcome> o = run();
        assertThat(o.get(Rules.EVENTS_PAGE.id()).verdict()).isEqualTo(Verdict.FAIL);
        assertThat(o.get(Rules.EVENTS_PAGE.id()).note()).contains("max=2 did not give 2");
        assertThat(o.get(Rules.EVENTS_BEYOND.id()).verdict()).isEqualTo(Verdict.FAIL);
        assertThat(o.get(Rules.EVENTS_BEYOND.id()).note()).contains("gave events");
    }

    @Test
    void anEventWithoutDetailOrAFirstEventOtherThanStartedFails() {
        node.events.remove(0);
        node.events.forEach(e -> ((ObjectNode) e).put("seq", e.path("seq").asLong() - 1));
        ((ObjectNode) node.events.get(1)).remove("detail");
        Outcome o = run().get(Rules.EVENTS_SHAPE.id());
        assertThat(o.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(o.note()).contains("lacks a field");
        assertThat(String.join("\n", o.evidence())).contains("seq 0 is not started");
    }

    @Test
    void aGapInSeqFails() {
        ((ObjectNode) node.events.get(2)).put("seq", 7);
        Outcome o = run().get(Rules.EVENTS_PAGE.id());
        assertThat(o.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(o.note()).contains("event seq 7 where 2 was due");
    }
}
