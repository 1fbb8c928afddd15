package io.cutcheck.harness.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class ScenarioReaderTest {

    static final Consumer<String> ANY_KIND = kind -> {};

    static Scenario parse(String json) {
        return ScenarioReader.parse(json, kind -> {
            if (kind.equals("explode")) {
                throw new IllegalArgumentException("unknown nemesis 'explode'");
            }
        });
    }

    @Test
    void readsStepsWithSpansInMillisOrText() {
        Scenario s = parse("""
                {"description": "coordinator down, then halves",
                 "faults": [
                   {"kind": "kill", "targets": "coordinator", "at": "5s", "duration": 1000},
                   {"kind": "partition-halves", "targets": ["operator-0"], "at": "8.5 s", "duration": "250ms"}]}""");
        assertThat(s.description()).isEqualTo("coordinator down, then halves");
        assertThat(s.faults()).containsExactly(
                new ScenarioStep(0, "kill", List.of("coordinator"), 5000, 1000),
                new ScenarioStep(1, "partition-halves", List.of("operator-0"), 8500, 250));
        assertThat(s.kinds()).containsExactly("kill", "partition-halves");
        assertThat(s.endMillis()).isEqualTo(8750);
    }

    @Test
    void aStepMayWaitForACheckpoint() {
        Scenario s = parse("""
                {"faults": [{"kind": "kill", "targets": "one", "at": 100, "duration": 100, "afterCheckpoint": 7}]}""");
        assertThat(s.faults().get(0).afterCheckpoint()).isEqualTo(7L);
        assertThat(parse("""
                {"faults": [{"kind": "kill", "targets": "one", "at": 100, "duration": 100}]}""").faults().get(0)
                .afterCheckpoint()).isNull();
    }

    @Test
    void keepsTheIdsAStepGives() {
        Scenario s = parse("""
                {"faults": [{"id": 4, "kind": "pause", "targets": "one", "at": 100, "duration": 100}]}""");
        assertThat(s.faults().get(0).id()).isEqualTo(4);
    }

    @Test
    void eachMistakeNamesItsStepAndField() {
        assertThatThrownBy(() -> parse("""
                {"faults": [{"kind": "kill", "targets": "one", "at": 0, "duration": 100},
                            {"kind": "explode", "targets": "one", "at": 500, "duration": 100}]}"""))
                .hasMessage("step 1 (explode): unknown nemesis 'explode'");
        assertThatThrownBy(() -> parse("""
                {"faults": [{"kind": "kill", "targets": "one", "at": 0, "durration": 100}]}"""))
                .hasMessage("step 0: unknown field 'durration' (fields: afterCheckpoint, at, duration, id, kind, targets)");
        assertThatThrownBy(() -> parse("""
                {"faults": [{"kind": "kill", "targets": "one", "at": "soon", "duration": 100}]}"""))
                .hasMessageStartingWith("step 0: 'at' must be ms or a span like \"5s\"");
        assertThatThrownBy(() -> parse("""
                {"faults": [{"kind": "kill", "at": 0, "duration": 100}]}"""))
                .hasMessageStartingWith("step 0: 'targets' is missing");
        assertThatThrownBy(() -> parse("""
                {"faults": [{"kind": "kill", "targets": [], "at": 0, "duration": 100}]}"""))
                .hasMessage("step 0: 'targets' must be a target kind or a list of node names");
        assertThatThrownBy(() -> parse("""
                {"faults": [{"kind": "kill", "targets": "one", "at": 0, "duration": 0}]}"""))
                .hasMessage("step 0 (kill at 0.0 s): 'duration' must be positive");
    }

    @Test
    void refusesOverlappingStepsAndRepeatedIds() {
        assertThatThrownBy(() -> parse("""
                {"faults": [{"kind": "kill", "targets": "one", "at": "1s", "duration": "2s"},
                            {"kind": "pause", "targets": "one", "at": "2s", "duration": "1s"}]}"""))
                .hasMessage("step 1 (pause at 2.0 s) begins before step 0 (kill at 1.0 s) is healed at 3.0 s"
                        + " (steps follow one another in time; faults at once are written a+b)");
        assertThatThrownBy(() -> parse("""
                {"faults": [{"id": 3, "kind": "kill", "targets": "one", "at": 0, "duration": 10},
                            {"id": 3, "kind": "kill", "targets": "one", "at": 100, "duration": 10}]}"""))
                .hasMessageContaining("id 3 is used twice");
    }

    @Test
    void refusesWhatIsNoScenario() {
        assertThatThrownBy(() -> parse("[1, 2]")).hasMessage("must be a JSON object with a 'faults' list");
        assertThatThrownBy(() -> parse("{\"faults\": 3}")).hasMessage("'faults' must be a list of steps");
        assertThatThrownBy(() -> parse("{\"fualts\": []}"))
                .hasMessage("unknown field 'fualts' (fields: description, faults)");
        assertThatThrownBy(() -> parse("{\"faults\": [")).hasMessageStartingWith("not JSON: ");
    }

    @Test
    void aMissingFileIsOneLine() {
        assertThatThrownBy(() -> ScenarioReader.read(java.nio.file.Path.of("/no/such/scenario.json"), ANY_KIND))
                .hasMessage("no such scenario file: /no/such/scenario.json");
    }
}
