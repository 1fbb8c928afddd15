package io.cutcheck.harness.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cutcheck.harness.schedule.FaultPlan;
import io.cutcheck.harness.schedule.FaultTarget;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestSpecTest {

    static TestSpec spec() {
        return new TestSpec("barrier-kill", "barrier", null, "local", "stream", 2, 200, 2,
                new FaultPlan(List.of("kill"), List.of(FaultTarget.ONE), 3000, 0.25, 1500), 42, 20_000, 60_000,
                CheckpointTriggers.defaults(), null, Map.of(), "store");
    }

    @Test
    void withCopiesChangeOneFieldOnly() {
        TestSpec base = spec();
        TestSpec other = base.withSeed(7).withDefect("no-alignment");
        assertThat(other.seed()).isEqualTo(7);
        assertThat(other.defect()).isEqualTo("no-alignment");
        assertThat(other.withSeed(42).withDefect(null)).isEqualTo(base);
        assertThat(base.seed()).isEqualTo(42);
    }

    @Test
    void refusesNonsenseWithOneLineMessages() {
        assertThatThrownBy(() -> spec().withTimeLimitMillis(-1000)).hasMessage("--time-limit must be positive: -1.0 s");
        assertThatThrownBy(() -> spec().withNodes(0)).hasMessageContaining("--nodes");
        assertThatThrownBy(() -> spec().withRatePerSecond(0)).hasMessageContaining("--rate");
        assertThatThrownBy(() -> spec().withNodes(65)).hasMessage("--nodes must be from 1 to 64: 65");
        assertThatThrownBy(() -> spec().withTimeLimitMillis(86_400_001L)).hasMessageContaining("at most 86400 s");
        assertThatThrownBy(() -> spec().withDrainTimeoutMillis(0)).hasMessageContaining("--drain-timeout");
        assertThatThrownBy(() -> spec().withOptions(java.util.Map.of("a b", com.fasterxml.jackson.databind.node.IntNode
                .valueOf(1)))).hasMessageContaining("invalid option name");
        assertThatThrownBy(() -> spec().withName("../escape")).hasMessageContaining("invalid test name");
        assertThatThrownBy(() -> spec().withCheckpoint(new CheckpointTriggers(-1, 0, 1000, 3)))
                .hasMessageContaining("checkpoint interval");
    }

    @Test
    void blankDefectMeansNone() {
        assertThat(spec().withDefect(" ").defect()).isNull();
    }

    @Test
    void defaultNameSaysSystemKindsAndDefect() {
        assertThat(TestSpec.defaultName("barrier", List.of("kill", "pause"), null)).isEqualTo("barrier-kill-pause");
        assertThat(TestSpec.defaultName("marker", List.of(), "no-fsync")).isEqualTo("marker-no-fsync");
    }
}
