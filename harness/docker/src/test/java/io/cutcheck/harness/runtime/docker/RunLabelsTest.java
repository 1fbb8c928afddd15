package io.cutcheck.harness.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.cutcheck.harness.runtime.docker.RunLabels.Owner;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RunLabelsTest {

    private static final String BOOT = "ci-1/0b9c";
    private final RunLabels labels = new RunLabels("ab12cd34", BOOT, 4242, 1_764_000_000_000L);

    @Test
    void labelsRoundTrip() {
        assertThat(RunLabels.of(labels.asMap())).hasValue(labels);
        assertThat(RunLabels.of(Map.of("other", "x"))).isEmpty();
    }

    @Test
    void ownerLivesWhileItsPidRunsWithTheRecordedStartTime() {
        assertThat(labels.owner(BOOT, pid -> Optional.of(1_764_000_000_400L))).isEqualTo(Owner.ALIVE);
        assertThat(labels.owner(BOOT, pid -> Optional.empty())).as("no such process").isEqualTo(Owner.DEAD);
        assertThat(labels.owner(BOOT, pid -> Optional.of(1_764_000_090_000L))).as("pid reused by a later process").isEqualTo(Owner.DEAD);
    }

    @Test
    void anOwnerFromAnEarlierBootIsDeadAndOneFromAnotherMachineIsNotOursToJudge() {
        assertThat(labels.owner("ci-1/77aa", pid -> Optional.of(1_764_000_000_000L))).isEqualTo(Owner.DEAD);
        assertThat(labels.owner("ci-2/0b9c", pid -> Optional.empty())).isEqualTo(Owner.ELSEWHERE);
    }

    @Test
    void unreadableOwnerOfThisMachineCountsAsDead() {
        RunLabels garbled = RunLabels.of(Map.of(RunLabels.RUN, "x", RunLabels.OWNER_BOOT, BOOT, RunLabels.OWNER_PID, "not-a-pid")).orElseThrow();
        assertThat(garbled.owner(BOOT, pid -> Optional.of(0L))).isEqualTo(Owner.DEAD);
    }

    @Test
    void thisProcessIsAlive() {
        assertThat(RunLabels.forThisProcess().owner()).isEqualTo(Owner.ALIVE);
    }
}
