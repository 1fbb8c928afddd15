package io.cutcheck.harness.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cutcheck.harness.nemesis.Fault;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScenarioPlannerTest {

    static final List<String> NODES = FaultScheduleTest.NODES;

    static List<Fault> plan(Scenario scenario, FaultSchedule.Aims aims, long runMillis, long seed) {
        return FaultSchedule.plan(FaultPlan.following(scenario), NODES, Set.of("coordinator"), aims, runMillis, seed)
                .items().stream().map(Planned::what).toList();
    }

    @Test
    void namedNodesAreKeptAndTargetKindsDrawnBySeed() {
        Scenario s = new Scenario(List.of(
                new ScenarioStep(0, "kill", List.of("coordinator"), 5000, 1000),
                new ScenarioStep(7, "pause", List.of("operator-1", "sink-0"), 8000, 500),
                new ScenarioStep(8, "kill", List.of("non-coordinator"), 9000, 500)));
        List<Fault> faults = plan(s, FaultSchedule.Aims.NONE, 30_000, 42);
        assertThat(faults.get(0)).isEqualTo(new Fault(0, "kill", List.of("coordinator"), 5000, 1000));
        assertThat(faults.get(1)).isEqualTo(new Fault(7, "pause", List.of("operator-1", "sink-0"), 8000, 500));
        assertThat(faults.get(2).targets()).hasSize(1).doesNotContain("coordinator");
        assertThat(plan(s, FaultSchedule.Aims.NONE, 30_000, 42)).isEqualTo(faults);
    }

    @Test
    void theScenarioDecidesTheKindsOfThePlan() {
        Scenario s = new Scenario(List.of(new ScenarioStep(0, "kill+pause", List.of("one"), 0, 10)));
        assertThat(FaultPlan.following(s).kinds()).containsExactly("kill+pause");
    }

    @Test
    void aStepMustBeHealedWithinTheRunPhase() {
        Scenario s = new Scenario(List.of(new ScenarioStep(2, "kill", List.of("one"), 29_000, 2000)));
        assertThatThrownBy(() -> plan(s, FaultSchedule.Aims.NONE, 30_000, 1))
                .hasMessage("step 2 (kill at 29.0 s) is healed at 31.0 s, after the run phase ends at 30.0 s"
                        + " (raise --time-limit)");
    }

    @Test
    void anUnknownTargetIsRefusedWithTheNodesOfTheRun() {
        Scenario s = new Scenario(List.of(new ScenarioStep(0, "kill", List.of("operator-9"), 0, 10)));
        assertThatThrownBy(() -> plan(s, FaultSchedule.Aims.NONE, 30_000, 1))
                .hasMessageStartingWith("step 0 (kill at 0.0 s): target 'operator-9' is no node of this run"
                        + " (coordinator, source-0,");
    }

    @Test
    void acknowledgementAimsSpareSilentNodes() {
        FaultSchedule.Aims aims = new FaultSchedule.Aims(Set.of("coordinator"), "kill-after-ack"::equals);
        Scenario named = new Scenario(List.of(new ScenarioStep(0, "kill-after-ack", List.of("coordinator"), 0, 10)));
        assertThatThrownBy(() -> plan(named, aims, 30_000, 1)).hasMessageContaining("coordinator sends none");
        Scenario drawn = new Scenario(List.of(new ScenarioStep(0, "kill-after-ack", List.of("coordinator"), 0, 10)
                .withTargets(List.of("one"))));
        for (long seed = 0; seed < 50; seed++) {
            assertThat(plan(drawn, aims, 30_000, seed).get(0).targets()).doesNotContain("coordinator");
        }
    }

    @Test
    void aPlanWithItsScenarioSurvivesTestJsonAndAnOldPlanReadsWithout() throws Exception {
        Scenario s = new Scenario("why", List.of(new ScenarioStep(3, "kill", List.of("sink-0"), 100, 200)));
        FaultPlan plan = FaultPlan.following(s);
        String json = io.cutcheck.harness.store.Json.MAPPER.writeValueAsString(plan);
        assertThat(json).contains("\"at\":100", "\"duration\":200");
        assertThat(io.cutcheck.harness.store.Json.STRICT.readValue(json, FaultPlan.class)).isEqualTo(plan);
        String old = "{\"kinds\":[\"kill\"],\"targets\":[\"ONE\"],\"intervalMillis\":3000,\"jitter\":0.25,"
                + "\"durationMillis\":1500}";
        assertThat(io.cutcheck.harness.store.Json.STRICT.readValue(old, FaultPlan.class).scenario()).isNull();
    }
}
