package io.cutcheck.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cutcheck.cli.Embedded;
import io.cutcheck.harness.schedule.FaultTarget;
import io.cutcheck.harness.spec.TestSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class CutcheckSpecTest {

    final List<String> published = new ArrayList<>();
    final Cutcheck cutcheck = new Cutcheck("CutcheckSpecTest", (k, v) -> published.add(k + "=" + v));

    @Test
    void theBuilderSpeaksTheCommandLinesNames() {
        CutcheckSpec spec = CutcheckSpec.system("marker").nemesis("kill-mid-checkpoint").targets("coordinator")
                .timeLimit(Duration.ofMillis(7500)).seed(9).defect("no-channel-state")
                .checkpointInterval(Duration.ofMillis(300)).nodes(4);

        TestSpec test = spec.toTestSpec("t");
        assertThat(test.system()).isEqualTo("marker");
        assertThat(test.runtime()).isEqualTo("local");
        assertThat(test.workload()).isEqualTo("bank");
        assertThat(test.faults().kinds()).containsExactly("kill-mid-checkpoint");
        assertThat(test.faults().targets()).containsExactly(FaultTarget.COORDINATOR);
        assertThat(test.timeLimitMillis()).isEqualTo(7500);
        assertThat(test.seed()).isEqualTo(9);
        assertThat(test.defect()).isEqualTo("no-channel-state");
        assertThat(test.checkpoint().intervalMillis()).isEqualTo(300);
        assertThat(test.nodes()).isEqualTo(4);
        assertThat(test.name()).isEqualTo("t");
    }

    @Test
    void aSpecHasTheCommandLinesDefaults() {
        TestSpec fromCode = CutcheckSpec.system("barrier").seed(1).store(java.nio.file.Path.of("store")).toTestSpec("t");
        TestSpec fromFlags = Embedded.spec(List.of("--seed", "1", "--name", "t"));
        assertThat(fromCode).isEqualTo(fromFlags);
    }

    @Test
    void aDescriptorFileIsASystemToo() {
        TestSpec test = CutcheckSpec.systemFile(java.nio.file.Path.of("../../systems-under-test/systems/marker.json"))
                .toTestSpec("t");
        assertThat(test.system()).isEqualTo("marker");
        assertThat(test.systemFile()).endsWith("systems-under-test/systems/marker.json");
    }

    @Test
    void aBadSpecFailsWithOneLineAndRunsNothing() {
        assertThatThrownBy(() -> cutcheck.run(CutcheckSpec.system("barrier").nemesis("flood")))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("unknown nemesis 'flood'");
        assertThatThrownBy(() -> cutcheck.run(CutcheckSpec.system("barrier").workload("ledger")))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("unknown workload 'ledger'");
        assertThat(published).isEmpty();
    }
}
