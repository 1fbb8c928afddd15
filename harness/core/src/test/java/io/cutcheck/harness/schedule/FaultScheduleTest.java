package io.cutcheck.harness.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cutcheck.harness.nemesis.Fault;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FaultScheduleTest {

    static final List<String> NODES = List.of("coordinator", "source-0", "source-1", "operator-0", "operator-1", "sink-0");
    static final FaultPlan PLAN = new FaultPlan(List.of("kill", "pause"),
            List.of(FaultTarget.ONE, FaultTarget.COORDINATOR, FaultTarget.MINORITY), 3000, 0.25, 1500);

    static List<Fault> faults(FaultPlan plan, long runMillis, long seed) {
        return FaultSchedule.plan(plan, NODES, Set.of("coordinator"), FaultSchedule.Aims.NONE, runMillis, seed).items().stream()
                .map(Planned::what).toList();
    }

    @Test
    void sameSeedSamePlanOtherSeedOtherPlan() {
        assertThat(faults(PLAN, 60_000, 42)).isEqualTo(faults(PLAN, 60_000, 42));
        assertThat(faults(PLAN, 60_000, 42)).isNotEqualTo(faults(PLAN, 60_000, 43));
    }

    @Test
    void faultsDoNotOverlapAndHealBeforeTheRunEnds() {
        for (long seed = 0; seed < 200; seed++) {
            List<Fault> faults = faults(PLAN, 20_000, seed);
            assertThat(faults).hasSizeBetween(5, 8);
            for (int i = 0; i < faults.size(); i++) {
                Fault f = faults.get(i);
                assertThat(f.id()).isEqualTo(i);
                assertThat(f.startMillis() + f.durationMillis()).isLessThanOrEqualTo(20_000);
                if (i > 0) {
                    Fault before = faults.get(i - 1);
                    assertThat(f.startMillis()).isGreaterThanOrEqualTo(before.startMillis() + before.durationMillis());
                }
            }
        }
    }

    @Test
    void kindsTakeTurnsSoEveryKindOccurs() {
        List<Fault> faults = faults(PLAN, 20_000, 7);
        for (int i = 1; i < faults.size(); i++) {
            assertThat(faults.get(i).kind()).isNotEqualTo(faults.get(i - 1).kind());
        }
    }

    @Test
    void intervalAndJitterBoundTheGaps() {
        FaultPlan steady = new FaultPlan(List.of("kill"), List.of(FaultTarget.ONE), 2000, 0.0, 500);
        assertThat(faults(steady, 10_000, 1)).extracting(Fault::startMillis)
                .containsExactly(2000L, 4000L, 6000L, 8000L);
        FaultPlan jittery = new FaultPlan(List.of("kill"), List.of(FaultTarget.ONE), 2000, 0.5, 500);
        List<Fault> faults = faults(jittery, 100_000, 3);
        for (int i = 1; i < faults.size(); i++) {
            assertThat(faults.get(i).startMillis() - faults.get(i - 1).startMillis()).isBetween(1000L, 3000L);
        }
    }

    @Test
    void noKindsNoFaults() {
        assertThat(faults(FaultPlan.none(), 60_000, 1)).isEmpty();
    }

    @Test
    void aFaultLongerThanTheShortestGapIsRefused() {
        assertThatThrownBy(() -> new FaultPlan(List.of("kill"), List.of(FaultTarget.ONE), 2000, 0.5, 1500))
                .hasMessageContaining("at most the shortest gap");
    }

    static final FaultSchedule.Aims SILENT_COORDINATOR = new FaultSchedule.Aims(Set.of("coordinator"),
            kind -> kind.contains("kill-after-ack"));

    /** A fault that waits for an acknowledgement is never drawn at a node that sends none; others still are. */
    @Test
    void faultsAimedAtAcknowledgementsSpareTheNodesThatSendNone() {
        FaultPlan plan = new FaultPlan(List.of("slow-disk+kill-after-ack", "kill"),
                List.of(FaultTarget.ONE, FaultTarget.COORDINATOR, FaultTarget.MINORITY, FaultTarget.ALL), 1000, 0.25, 500);
        List<Fault> aimed = new java.util.ArrayList<>();
        List<Fault> plain = new java.util.ArrayList<>();
        for (long seed = 0; seed < 50; seed++) {
            for (Planned<Fault> p : FaultSchedule.plan(plan, NODES, Set.of("coordinator"), SILENT_COORDINATOR, 20_000, seed)
                    .items()) {
                (p.what().kind().equals("kill") ? plain : aimed).add(p.what());
            }
        }
        assertThat(aimed).isNotEmpty().allSatisfy(f -> assertThat(f.targets()).isNotEmpty().doesNotContain("coordinator"));
        assertThat(plain).anySatisfy(f -> assertThat(f.targets()).contains("coordinator"));
    }

    @Test
    void anAimAtAcknowledgementsThatMayOnlyHitSilentNodesIsRefusedAtOnce() {
        FaultPlan plan = new FaultPlan(List.of("kill-after-ack"), List.of(FaultTarget.COORDINATOR), 1000, 0.25, 500);
        assertThatThrownBy(() -> FaultSchedule.plan(plan, NODES, Set.of("coordinator"), SILENT_COORDINATOR, 20_000, 1))
                .hasMessageContaining("kill-after-ack waits for its target's acknowledgement")
                .hasMessageContaining("target one, non-coordinator, minority or all");
        FaultSchedule.Aims acknowledging = new FaultSchedule.Aims(Set.of(), SILENT_COORDINATOR.aimsAtAcknowledgements());
        assertThat(FaultSchedule.plan(plan, NODES, Set.of("coordinator"), acknowledging, 20_000, 1).items())
                .isNotEmpty().allSatisfy(p -> assertThat(p.what().targets()).containsExactly("coordinator"));
    }
}
