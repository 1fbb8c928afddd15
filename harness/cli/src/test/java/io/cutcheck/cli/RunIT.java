package io.cutcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole runs of the reference systems on local processes with kills and pauses, through the real
 * command line. Every pid the harness started is collected from its run file while it runs, and
 * must be gone when it exits.
 */
class RunIT {

    @TempDir
    Path dir;

    final Set<Long> pids = new LinkedHashSet<>();

    @AfterEach
    void killAnyLeftover() {
        Cli.alive(List.copyOf(pids)).forEach(p -> ProcessHandle.of(p).ifPresent(ProcessHandle::destroyForcibly));
    }

    /** Runs the CLI to the end, collecting the pids it records as it goes. */
    Cli.Result runCollectingPids(Cli cli, Path out, long timeoutSeconds, String... args) throws Exception {
        Process p = cli.start(out, args);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (p.isAlive() && System.nanoTime() < deadline) {
            pids.addAll(cli.recordedPids());
            Thread.sleep(100);
        }
        if (p.isAlive()) {
            p.destroy();
            p.waitFor(30, TimeUnit.SECONDS);
            throw new AssertionError("the run did not finish in " + timeoutSeconds + " s");
        }
        return new Cli.Result(p.exitValue(), Files.readString(out.resolve("stdout.txt")),
                Files.readString(out.resolve("stderr.txt")));
    }

    static JsonNode results(Path store) throws Exception {
        return new ObjectMapper().readTree(store.resolve("latest/results.json").toFile());
    }

    @Test
    void barrierUnderKillsAndPausesIsValid() throws Exception {
        Path store = dir.resolve("store");
        Cli.Result result = runCollectingPids(new Cli(dir.resolve("run")), dir.resolve("out"), 240,
                "test", "--system", "barrier", "--nemesis", "kill,pause", "--time-limit", "20", "--seed", "42",
                "--store", store.toString());
        assertThat(result.out()).as(result.err()).contains("verdict: valid", "store: " + store);
        assertThat(result.exitCode()).isZero();
        JsonNode r = results(store);
        assertThat(r.path("valid").asBoolean()).isTrue();
        // the drain turns automatic triggers off, so the count is the run's commits plus the final one
        assertThat(r.path("checkpoints").path("committed").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(r.path("version").asInt()).isEqualTo(2);
        assertThat(r.path("exitCode").asInt()).isZero();
        assertThat(r.path("drained").asBoolean()).isTrue();
        assertThat(r.path("restores").path("count").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(r.path("faults").path("count").asInt()).isGreaterThanOrEqualTo(4);
        assertThat(r.path("checkers")).isNotEmpty();
        assertThat(r.path("phases").fieldNames()).toIterable()
                .contains("setupMs", "runMs", "healMs", "drainMs", "collectMs", "checkMs", "totalMs");
        assertThat(store.resolve("latest")).isDirectory();
        for (String file : List.of("test.json", "history.jsonl", "nemesis.jsonl", "events.jsonl", "checkpoints.jsonl",
                "contents.jsonl", "input.jsonl", "output.jsonl", "final-state.json", "nodes/coordinator.log",
                "junit.xml", "report.html")) {
            assertThat(store.resolve("latest").resolve(file)).isNotEmptyFile();
        }
        assertThat(pids).hasSizeGreaterThanOrEqualTo(8);
        assertThat(Cli.alive(List.copyOf(pids))).as("processes left behind").isEmpty();
    }

    @Test
    void barrierWithADefectIsInvalid() throws Exception {
        Path store = dir.resolve("store");
        Cli.Result result = runCollectingPids(new Cli(dir.resolve("run")), dir.resolve("out"), 240,
                "test", "--system", "barrier", "--nemesis", "kill,pause", "--time-limit", "20", "--seed", "42",
                "--defect", BARRIER_DEFECT, "--store", store.toString());
        assertThat(result.out()).as(result.err()).contains("verdict: invalid");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(results(store).path("anomalies")).isNotEmpty();
        assertThat(Files.readString(store.resolve("latest/junit.xml"))).contains("<failure");
        assertThat(Cli.alive(List.copyOf(pids))).as("processes left behind").isEmpty();
    }

    @Test
    void markerUnderKillsAndPausesIsValid() throws Exception {
        Path store = dir.resolve("store");
        Cli.Result result = runCollectingPids(new Cli(dir.resolve("run")), dir.resolve("out"), 240,
                "test", "--system", "marker", "--nemesis", "kill,pause", "--time-limit", "15", "--seed", "7",
                "--store", store.toString());
        assertThat(result.out()).as(result.err()).contains("verdict: valid");
        assertThat(result.exitCode()).isZero();
        assertThat(results(store).path("faults").path("count").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(Cli.alive(List.copyOf(pids))).as("processes left behind").isEmpty();
    }

    /** A barrier defect that every run exposes within 20 s (checkpoints are inconsistent cuts). */
    static final String BARRIER_DEFECT = "no-barrier-alignment";
}
