package io.cutcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cutcheck.harness.schedule.ScenarioStep;
import io.cutcheck.harness.spec.TestSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioFlagTest {

    @TempDir
    Path dir;

    Path file(String json) throws IOException {
        return Files.writeString(dir.resolve("scenario.json"), json);
    }

    @Test
    void aScenarioGivesTheKindsAndTheTimeLimit() throws IOException {
        Path f = file("""
                {"faults": [{"kind": "kill", "targets": "coordinator", "at": "5s", "duration": "1s"},
                            {"kind": "partition-halves", "targets": "all", "at": "8s", "duration": "2s"}]}""");
        TestSpec spec = TestCommandTest.parse("--scenario", f.toString(), "--seed", "1");
        assertThat(spec.faults().kinds()).containsExactly("kill", "partition-halves");
        assertThat(spec.faults().scenario().faults()).extracting(ScenarioStep::atMillis).containsExactly(5000L, 8000L);
        assertThat(spec.timeLimitMillis()).isEqualTo(15_000);
        assertThat(TestCommandTest.parse("--scenario", f.toString(), "--time-limit", "12").timeLimitMillis())
                .isEqualTo(12_000);
    }

    @Test
    void anUnknownKindIsRefusedNamingItsStep() throws IOException {
        Path f = file("""
                {"faults": [{"kind": "kill", "targets": "one", "at": 0, "duration": 10},
                            {"kind": "kil", "targets": "one", "at": 100, "duration": 10}]}""");
        assertThatThrownBy(() -> TestCommandTest.parse("--scenario", f.toString()))
                .hasMessageStartingWith("scenario " + f + ": step 1 (kil): unknown nemesis 'kil'");
    }

    @Test
    void aScenarioAndNemesisKindsAreOneTooMany() throws IOException {
        Path f = file("{\"faults\": []}");
        assertThatThrownBy(() -> TestCommandTest.parse("--scenario", f.toString(), "--nemesis", "pause"))
                .hasMessage("--scenario names its own fault kinds: drop --nemesis");
    }

    @Test
    void aScenarioMadeInCodeIsCheckedLikeAFile() {
        SpecBuilder builder = new SpecBuilder().scenario(new io.cutcheck.harness.schedule.Scenario(
                List.of(new ScenarioStep(4, "explode", List.of("one"), 0, 10))));
        assertThatThrownBy(builder::build).hasMessageStartingWith("step 4 (explode at 0.0 s): unknown nemesis 'explode'");
    }
}
