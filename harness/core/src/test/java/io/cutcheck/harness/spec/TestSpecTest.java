package io.cutcheck.harness.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cutcheck.harness.schedule.FaultPlan;
import io.cutcheck.harness.schedule.FaultTarget;
import io.cutcheck.harness.store.Json;
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
    void builderChecksOnceWhenBuilt() {
        TestSpec base = spec();
        assertThat(base.toBuilder().build()).isEqualTo(base);
        TestSpec.Builder builder = base.toBuilder().nodes(0).runtime("docker").concurrency(4);
        // nodes 0 is refused by build, not by the setter: the builder holds values in between
        assertThatThrownBy(builder::build).hasMessageContaining("--nodes");
        TestSpec changed = builder.nodes(3).build();
        assertThat(changed).isEqualTo(new TestSpec("barrier-kill", "barrier", null, "docker", "stream", 3, 200, 4,
                base.faults(), 42, 20_000, 60_000, base.checkpoint(), null, Map.of(), "store"));
        assertThat(base.nodes()).isEqualTo(2);
    }

    @Test
    void jsonHoldsTheRecordComponentsOnly() {
        // test.json is the record's components, nothing the builder methods add
        List<String> fields = new java.util.ArrayList<>();
        Json.MAPPER.valueToTree(spec()).fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly(java.util.Arrays.stream(TestSpec.class.getRecordComponents())
                .map(java.lang.reflect.RecordComponent::getName).toArray(String[]::new));
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
