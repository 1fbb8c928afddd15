package io.cutcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutcheck.harness.checker.CheckResult;
import io.cutcheck.harness.checker.Validity;
import io.cutcheck.harness.run.RunOutcome;
import io.cutcheck.harness.run.RunParts;
import io.cutcheck.harness.run.TestRun;
import io.cutcheck.harness.services.SutJar;
import io.cutcheck.harness.spec.TestSpec;
import io.cutcheck.harness.system.SystemDefinition;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Systems that break the protocol end the run in bounded time, as UNKNOWN, naming the node and
 * what it did, and leave nothing running: before the run begins, fast (garbage health, a node
 * that exits); a port that accepts and never answers, at the set-up's 60 s bound; a system that
 * never commits, at the drain timeout. A run cut short before the harness read its input
 * log and output store is never INVALID: checkpoints that committed in the meantime name positions
 * in partitions the harness never read, and would look like positions beyond the input.
 */
class HostileSystemIT {

    @TempDir
    Path dir;

    /** The results.json of the last run, as the command line writes it. */
    private JsonNode results;

    private RunOutcome runWithHealth(String mode, String node) throws Exception {
        return runWithHealth(mode, node, "--checkpoint-interval", "200");
    }

    private RunOutcome runWithHealth(String mode, String node, String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of("--system", "barrier", "--nemesis", "none", "--time-limit", "5",
                "--seed", "3", "--store", dir.resolve("store-" + mode).toString()));
        args.addAll(List.of(more));
        TestSpec spec = Embedded.spec(args);
        RunParts registry = Runner.parts(spec, SutJar.locate());
        RunParts parts = new RunParts(garbled(registry.system(), mode, node), registry.workload(), registry.runtime(),
                registry.nemesis(), registry.genericCheckers(), registry.sutJar(), dir.resolve("run"));
        RunOutcome outcome = new TestRun(spec, parts).run();
        results = RunPages.write(outcome, new PrintWriter(System.err, true));
        return outcome;
    }

    @Test
    void aRunCutShortBeforeCollectionIsUnknownThoughCheckpointsCommitted() throws Exception {
        RunOutcome outcome = runWithHealth("health-starting", "sink-0");

        assertThat(outcome.verdict()).as(String.valueOf(results)).isEqualTo(Validity.UNKNOWN);
        assertThat(outcome.error()).contains("nodes not running after 60 s", "sink-0");
        assertThat(outcome.checks()).extracting(CheckResult::validity).doesNotContain(Validity.INVALID);
        CheckResult cut = outcome.checks().stream().filter(c -> c.checker().equals("stream-consistent-cut"))
                .findFirst().orElseThrow();
        assertThat(cut.anomalies().get(0).explanation()).contains("input log and output store were read");
        // the checkpoints a verdict on an uncollected input would have misjudged were there
        assertThat(Files.readAllLines(outcome.storeDir().resolve("contents.jsonl"))).isNotEmpty();
        assertThat(outcome.storeDir().resolve("collected.json")).doesNotExist();
        assertThat(results.path("valid").asText()).isEqualTo("unknown");
        assertThat(results.path("error").asText()).isEqualTo(outcome.error());
        assertThat(outcome.storeDir().resolve("results.json")).isNotEmptyFile();
        assertThat(Cli.alive(new Cli(dir.resolve("run")).recordedPids())).isEmpty();
    }

    @Test
    void aGarbledHealthAnswerEndsSetUpFastAsUnknownAndLeavesNothingRunning() throws Exception {
        RunOutcome outcome = runWithHealth("health-garbage", "sink-0");

        assertThat(outcome.verdict()).as(String.valueOf(results)).isEqualTo(Validity.UNKNOWN);
        assertThat(outcome.error()).contains("sink-0", "GET /health", "bad JSON").doesNotContain("\n", "Source:");
        assertThat(outcome.checks()).extracting(CheckResult::validity).doesNotContain(Validity.INVALID);
        assertThat(results.path("valid").asText()).isEqualTo("unknown");
        // bounded: the set-up gives up after answers against the protocol, not at the 60 s limit
        assertThat(results.path("phases").path("setupMs").asLong()).isLessThan(45_000);
        assertThat(Cli.alive(new Cli(dir.resolve("run")).recordedPids())).isEmpty();
    }

    @Test
    void aControlPortThatAcceptsAndNeverAnswersEndsSetUpInBoundedTimeAsUnknown() throws Exception {
        long started = System.nanoTime();
        RunOutcome outcome = runWithHealth("silent", "sink-0");

        assertThat(outcome.verdict()).as(String.valueOf(results)).isEqualTo(Validity.UNKNOWN);
        assertThat(outcome.error()).contains("nodes not running after 60 s", "sink-0").doesNotContain("\n");
        assertThat(outcome.checks()).extracting(CheckResult::validity).doesNotContain(Validity.INVALID);
        assertThat((System.nanoTime() - started) / 1_000_000_000L).as("seconds to the verdict").isLessThan(100);
        assertThat(Cli.alive(new Cli(dir.resolve("run")).recordedPids())).isEmpty();
    }

    @Test
    void aSystemThatNeverCommitsIsUnknownOnceTheDrainTimesOut() throws Exception {
        // no automatic checkpoint in the run, and every trigger (the drain's final one included) refused
        RunOutcome outcome = runWithHealth("trigger-refused", "coordinator", "--checkpoint-interval", "86400000",
                "--drain-timeout", "8");

        assertThat(outcome.verdict()).as(String.valueOf(results)).isEqualTo(Validity.UNKNOWN);
        assertThat(outcome.error()).isNull();
        assertThat(results.path("drained").asBoolean(true)).isFalse();
        assertThat(results.path("checkpoints").path("committed").asInt(-1)).isZero();
        assertThat(outcome.checks()).extracting(CheckResult::validity).doesNotContain(Validity.INVALID);
        assertThat(outcome.checks()).extracting(CheckResult::checker).contains("drain");
        assertThat(Cli.alive(new Cli(dir.resolve("run")).recordedPids())).isEmpty();
    }

    @Test
    void aNodeThatExitsAtStartIsNamedWithItsLastLineWithinSeconds() throws Exception {
        Path descriptor = Files.writeString(dir.resolve("system.json"), """
                {"descriptor": 1, "name": "quitter", "workload": "stream",
                 "command": ["/bin/sh", "-c", "echo 'quitter: cannot open the data directory' >&2; exit 3", "node"],
                 "nodes": [{"role": "worker", "count": "workers"}], "committer": {"role": "worker"}}
                """);
        Cli cli = new Cli(dir.resolve("run"));
        long started = System.nanoTime();
        Cli.Result result = cli.run(dir.resolve("out"), 120, "test", "--system-file", descriptor.toString(),
                "--nemesis", "none", "--time-limit", "5", "--store", dir.resolve("store").toString());
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(2);
        assertThat(result.out()).contains("verdict: unknown", "worker-0 exited before it was running",
                "quitter: cannot open the data directory");
        assertThat(result.err()).doesNotContain("Exception", "\tat ");
        assertThat(seconds).as("seconds to the verdict").isLessThan(45);
        assertThat(Cli.alive(cli.recordedPids())).isEmpty();
    }

    /** The system with every node started through {@link BrokenNode}. */
    static SystemDefinition garbled(SystemDefinition system, String mode, String node) {
        List<String> command = new ArrayList<>(List.of(Cli.javaCommand(), "-cp", System.getProperty("java.class.path"),
                BrokenNode.class.getName(), mode, node));
        command.addAll(system.command());
        return new SystemDefinition(system.name(), system.description(), system.workload(), system.minWorkers(),
                system.defaultWorkers(), command, system.layout(), system.committerRole(), system.committerIndex(),
                system.committerAcknowledges(),
                system.finalStatePath(), system.defects(), system.options(), system.docker());
    }
}
