package io.cutcheck.harness.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RunLabelsTest {

    private final RunLabels labels = new RunLabels("ab12cd34", 4242, 1_764_000_000_000L);

    @Test
    void labelsRoundTrip() {
        assertThat(RunLabels.of(labels.asMap())).hasValue(labels);
        assertThat(RunLabels.of(Map.of("other", "x"))).isEmpty();
    }

    @Test
    void ownerLivesWhileItsPidRunsWithTheRecordedStartTime() {
        assertThat(labels.ownerAlive(pid -> Optional.of(1_764_000_000_400L))).isTrue();
        assertThat(labels.ownerAlive(pid -> Optional.empty())).as("no such process").isFalse();
        assertThat(labels.ownerAlive(pid -> Optional.of(1_764_000_090_000L))).as("pid reused by a later process").isFalse();
    }

    @Test
    void unreadableOwnerCountsAsDead() {
        RunLabels garbled = RunLabels.of(Map.of(RunLabels.RUN, "x", RunLabels.OWNER_PID, "not-a-pid")).orElseThrow();
        assertThat(garbled.ownerAlive(pid -> Optional.of(0L))).isFalse();
    }

    @Test
    void thisProcessIsAlive() {
        assertThat(RunLabels.forThisProcess().ownerAlive()).isTrue();
    }
}
