package io.cutcheck.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

        assertThat(String.join(" ", spec.testArgs("t"))).contains("--system marker", "--runtime local",
                "--nemesis kill-mid-checkpoint", "--targets coordinator", "--time-limit 7.5", "--seed 9",
                "--defect no-channel-state", "--checkpoint-interval 300", "--nodes 4", "--name t");
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
