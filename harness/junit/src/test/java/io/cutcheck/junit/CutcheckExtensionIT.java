package io.cutcheck.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opentest4j.AssertionFailedError;

/**
 * The README's example, run in the build: the barrier system under kills for 10 s is valid and
 * its store is published to the test report; a defect fails the test with the checkers'
 * explanation and the store path.
 */
@ExtendWith(CutcheckExtension.class)
class CutcheckExtensionIT {

    @Test
    void barrierUnderKillsIsValid(Cutcheck cutcheck) {
        CutcheckResult result = cutcheck.assertValid(CutcheckSpec.system("barrier")
                .runtime("local")
                .nemesis("kill")
                .timeLimit(Duration.ofSeconds(10))
                .seed(42));

        assertThat(result.storeDir().resolve("results.json")).isNotEmptyFile();
        assertThat(result.storeDir().resolve("report.html")).isNotEmptyFile();
        assertThat(result.results().path("faults").path("count").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(result.explanation()).contains("verdict: valid", "store: " + result.storeDir());
    }

    @Test
    void aDefectFailsTheTestWithTheExplanationAndTheStore(Cutcheck cutcheck) {
        CutcheckSpec spec = CutcheckSpec.system("barrier").defect("restore-pending-checkpoint")
                .nemesis("kill-mid-checkpoint").targets("coordinator").timeLimit(Duration.ofSeconds(8)).seed(1);

        assertThatThrownBy(() -> cutcheck.assertValid(spec))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("was invalid, not valid")
                .hasMessageContaining("diagnosis: [committed-restore] restore-from-uncommitted ×")
                .hasMessageContaining("store: ")
                .hasMessageContaining("replay: ./cutcheck replay ")
                .hasMessageContaining("shrink: ./cutcheck shrink ");
    }
}
