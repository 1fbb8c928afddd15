package io.cutcheck.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutcheck.harness.checker.Validity;
import io.cutcheck.harness.run.DrainOutcome;
import io.cutcheck.harness.run.RunOutcome;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run's report files come from its typed result alone: results.json as returned, the pages beside it. */
class RunFilesTest {

    @TempDir
    Path store;

    private RunOutcome cutShort() {
        return new RunOutcome(Validity.UNKNOWN, store, "nodes not running after 60 s: sink-0",
                SyntheticRun.observations(), SyntheticRun.results(), Map.of("setup", Duration.ofMillis(61_000)),
                DrainOutcome.fromStore(false), false);
    }

    @Test
    void aRunCutShortGetsItsResultsJsonWithTheErrorAndThePages() throws Exception {
        JsonNode returned = RunFiles.write(cutShort()).orElseThrow();

        JsonNode onDisk = new ObjectMapper().readTree(store.resolve("results.json").toFile());
        assertThat(onDisk.toString()).as("as returned, number types aside").isEqualTo(returned.toString());
        assertThat(onDisk.get("error").asText()).startsWith("nodes not running");
        assertThat(onDisk.get("valid").asText()).as("the run's verdict, not the checkers'").isEqualTo("unknown");
        assertThat(onDisk.get("phases").get("setupMs").asLong()).isEqualTo(61_000);
        assertThat(onDisk.get("phases").get("totalMs").asLong()).isEqualTo(61_000);
        assertThat(store.resolve("junit.xml")).isNotEmptyFile();
        assertThat(store.resolve("report.html")).isNotEmptyFile();
    }

    @Test
    void aRunWithoutAStoreHasNoFiles() throws Exception {
        assertThat(RunFiles.write(RunOutcome.withoutStore("no space left on device", Map.of()))).isEmpty();
        assertThat(RunFiles.judge(RunOutcome.withoutStore("no space left on device", Map.of()))).isEmpty();
    }
}
