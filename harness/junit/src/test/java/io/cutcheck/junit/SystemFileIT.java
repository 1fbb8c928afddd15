package io.cutcheck.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A third-party system tested from a JUnit test through its descriptor: the Python example of
 * the README's "Testing your own system", valid under kills and pauses.
 */
@ExtendWith(CutcheckExtension.class)
class SystemFileIT {

    @Test
    void thePythonExampleUnderKillsAndPausesIsValid(Cutcheck cutcheck) {
        CutcheckResult result = cutcheck.assertValid(
                CutcheckSpec.systemFile(Path.of("../../examples/python-stream/system.json"))
                        .nemesis("kill", "pause")
                        .timeLimit(Duration.ofSeconds(12))
                        .seed(1));

        assertThat(result.explanation()).contains("verdict: valid");
        assertThat(result.results().path("faults").path("count").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(result.storeDir().resolve("test.json")).content().contains("system.json");
    }
}
