package io.cutcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole runs on the Docker runtime through the real command line (start the daemon with
 * scripts/docker-up.sh): the reference systems under kills, pauses and iptables partitions end
 * valid, a defect ends invalid, and no harness leaves a container or network behind, not even
 * one killed with -9 (its watchdog removes what it started within seconds).
 */
@Tag("docker")
class DockerRunIT {

    /** Every harness process these tests started, checked for leftovers after the suite. */
    static final Set<Long> harnesses = new LinkedHashSet<>();

    @TempDir
    Path dir;

    final Set<Long> nodePids = new LinkedHashSet<>();

    @AfterEach
    void killAnyLeftoverProcess() {
        Cli.alive(List.copyOf(nodePids)).forEach(p -> ProcessHandle.of(p).ifPresent(ProcessHandle::destroyForcibly));
    }

    @AfterAll
    static void nothingOfTheseRunsIsLeftInDocker() throws Exception {
        List<String> left = new ArrayList<>();
        for (long pid : harnesses) {
            left.addAll(DockerLeftovers.of(pid));
            DockerLeftovers.remove(pid);
        }
        assertThat(left).as("containers and networks of this suite's harnesses (docker ps -a, docker network ls)").isEmpty();
    }

    @Test
    void barrierUnderKillsPausesAndIptablesPartitionsIsValid() throws Exception {
        Path store = dir.resolve("store");
        Run run = run(dir.resolve("out"), "test", "--runtime", "docker", "--system", "barrier",
                "--nemesis", "kill,pause,iptables-partition", "--time-limit", "12", "--fault-interval", "2000",
                "--fault-duration", "1200", "--seed", "5", "--store", store.toString());
        assertThat(run.result.out()).as(run.result.err()).contains("verdict: valid", "barrier on docker");
        assertThat(run.result.exitCode()).isZero();
        assertThat(results(store).path("restores").path("count").asInt()).as("kills restore from checkpoints").isPositive();
        assertAllKindsInjectedWithoutError(store, "kill", "pause", "iptables-partition");
        assertThat(store.resolve("latest/nodes/coordinator.log")).content().contains("(container)");
        assertNothingLeft(run);
    }

    @Test
    void markerUnderKillsPausesAndIptablesPartitionsIsValid() throws Exception {
        Path store = dir.resolve("store");
        Run run = run(dir.resolve("out"), "test", "--runtime", "docker", "--system", "marker",
                "--nemesis", "kill,pause,iptables-partition", "--time-limit", "12", "--fault-interval", "2000",
                "--fault-duration", "1200", "--seed", "8", "--store", store.toString());
        assertThat(run.result.out()).as(run.result.err()).contains("verdict: valid", "marker on docker");
        assertThat(run.result.exitCode()).isZero();
        assertAllKindsInjectedWithoutError(store, "kill", "pause", "iptables-partition");
        assertNothingLeft(run);
    }

    @Test
    void aDefectVariantOnDockerIsInvalid() throws Exception {
        Path store = dir.resolve("store");
        // aimed as the self-check aims it: a paused operator wakes to barriers queued on every channel
        Run run = run(dir.resolve("out"), "test", "--runtime", "docker", "--system", "barrier", "--nemesis", "pause",
                "--targets", "non-coordinator", "--fault-interval", "1200", "--fault-duration", "700",
                "--checkpoint-interval", "500", "--time-limit", "15", "--seed", "42", "--defect", RunIT.BARRIER_DEFECT,
                "--store", store.toString());
        assertThat(run.result.out()).as(run.result.err()).contains("verdict: invalid");
        assertThat(run.result.exitCode()).isEqualTo(1);
        assertThat(results(store).path("anomalies")).isNotEmpty();
        assertNothingLeft(run);
    }

    @Test
    void iptablesPartitionOnLocalProcessesIsRefusedBeforeAnythingStarts() throws Exception {
        Cli cli = new Cli(dir.resolve("run"));
        Cli.Result result = cli.run(dir.resolve("out"), 60, "test", "--runtime", "local",
                "--nemesis", "kill,iptables-partition", "--time-limit", "5", "--store", dir.resolve("store").toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip()).startsWith("cutcheck: ")
                .contains("'iptables-partition' works only with --runtime docker").doesNotContain("\n");
        assertThat(cli.recordedPids()).isEmpty();
        assertThat(dir.resolve("store")).doesNotExist();
    }

    /**
     * Hides the daemon's socket from one harness in a mount namespace of its own (needs root and
     * unshare), so the daemon keeps serving everyone else.
     */
    @Test
    void withoutADaemonTheRunIsRefusedWithOneLine() throws Exception {
        Path socket = Path.of("/var/run/docker.sock");
        assumeTrue(Files.exists(socket) && Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"))
                && Files.isExecutable(Path.of("/usr/bin/unshare")), "needs root, unshare and the daemon's socket");
        Path out = Files.createDirectories(dir.resolve("out"));
        ProcessBuilder hidden = new ProcessBuilder("unshare", "-m", "sh", "-c",
                "mount --bind /dev/null " + socket + " && exec \"$@\"", "sh", Cli.javaCommand(),
                "-Dcutcheck.home=" + Cli.ROOT, "-Dcutcheck.runDir=" + dir.resolve("run"), "-jar", Cli.JAR.toString(),
                "test", "--runtime", "docker", "--time-limit", "5", "--store", dir.resolve("store").toString())
                .redirectOutput(out.resolve("stdout.txt").toFile()).redirectError(out.resolve("stderr.txt").toFile());
        hidden.environment().remove("DOCKER_HOST");
        Process p = hidden.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("finished").isTrue();
        String err = Files.readString(out.resolve("stderr.txt"));
        assertThat(p.exitValue()).as(err).isEqualTo(2);
        assertThat(err.strip()).startsWith("cutcheck: ").contains("Docker daemon", "scripts/docker-up.sh").doesNotContain("\n");
        assertThat(dir.resolve("store")).as("nothing started").doesNotExist();
    }

    @Test
    void aHarnessKilledMidRunLeavesNothingWithinTenSeconds() throws Exception {
        Cli cli = new Cli(dir.resolve("run"));
        Path firstStore = dir.resolve("first");
        Process first = cli.start(dir.resolve("out-first"), "test", "--runtime", "docker", "--system", "barrier",
                "--nemesis", "kill,pause", "--time-limit", "120", "--seed", "3", "--store", firstStore.toString());
        harnesses.add(first.pid());
        try {
            awaitRunPhase(firstStore.resolve("latest/history.jsonl"), first);
            nodePids.addAll(cli.recordedPids());
            assertThat(DockerLeftovers.of(first.pid())).as("the run's containers and network").isNotEmpty();
        } finally {
            first.toHandle().destroyForcibly();
            first.waitFor(10, TimeUnit.SECONDS);
        }
        // the harness's watchdog removes them, without waiting for another run
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!DockerLeftovers.of(first.pid()).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        assertThat(DockerLeftovers.of(first.pid())).as("left by the killed harness 10 s after the kill").isEmpty();
        assertThat(Cli.alive(List.copyOf(nodePids))).as("services of the killed harness").isEmpty();

        Run second = run(cli, dir.resolve("out-second"), "test", "--runtime", "docker", "--system", "barrier",
                "--nemesis", "none", "--time-limit", "2", "--seed", "4", "--store", dir.resolve("second").toString());
        assertThat(second.result.out()).as(second.result.err()).contains("verdict:");
        assertNothingLeft(second);
    }

    /** SIGTERM, as Ctrl-C or a CI cancel sends: the shutdown hook removes the containers and network. */
    @Test
    void aHarnessStoppedMidRunRemovesItsContainersAndNetworkBeforeItExits() throws Exception {
        Cli cli = new Cli(dir.resolve("run"));
        Path store = dir.resolve("store");
        Process harness = cli.start(dir.resolve("out"), "test", "--runtime", "docker", "--system", "barrier",
                "--nemesis", "kill,pause", "--time-limit", "120", "--seed", "6", "--store", store.toString());
        harnesses.add(harness.pid());
        try {
            awaitRunPhase(store.resolve("latest/history.jsonl"), harness);
            nodePids.addAll(cli.recordedPids());
            assertThat(DockerLeftovers.of(harness.pid())).as("the run's containers and network").hasSizeGreaterThanOrEqualTo(7);
            harness.destroy();
            assertThat(harness.waitFor(60, TimeUnit.SECONDS)).as("exited after SIGTERM").isTrue();
        } finally {
            harness.toHandle().destroyForcibly();
        }
        assertThat(DockerLeftovers.of(harness.pid())).as("left after SIGTERM").isEmpty();
        assertThat(Cli.alive(List.copyOf(nodePids))).as("services left after SIGTERM").isEmpty();
    }

    /** One finished CLI run and the harness process's pid. */
    record Run(Cli.Result result, long pid) {}

    /** Runs the CLI on a run directory of its own, bounded in time. */
    Run run(Path out, String... args) throws Exception {
        return run(new Cli(out.resolveSibling(out.getFileName() + "-run")), out, args);
    }

    Run run(Cli cli, Path out, String... args) throws Exception {
        Process p = cli.start(out, args);
        harnesses.add(p.pid());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(RUN_TIMEOUT_SECONDS);
        while (p.isAlive() && System.nanoTime() < deadline) {
            nodePids.addAll(cli.recordedPids());
            Thread.sleep(100);
        }
        if (p.isAlive()) {
            p.destroy();
            p.waitFor(30, TimeUnit.SECONDS);
            throw new AssertionError("cutcheck " + String.join(" ", args) + " did not finish in " + RUN_TIMEOUT_SECONDS + " s");
        }
        return new Run(new Cli.Result(p.exitValue(), Files.readString(out.resolve("stdout.txt")),
                Files.readString(out.resolve("stderr.txt"))), p.pid());
    }

    private void assertNothingLeft(Run run) throws Exception {
        assertThat(DockerLeftovers.of(run.pid())).as("containers and networks of the finished run").isEmpty();
        assertThat(Cli.alive(List.copyOf(nodePids))).as("processes left behind").isEmpty();
    }

    private static void assertAllKindsInjectedWithoutError(Path store, String... kinds) throws Exception {
        List<JsonNode> records = new ArrayList<>();
        for (String line : Files.readAllLines(store.resolve("latest/nemesis.jsonl"))) {
            records.add(new ObjectMapper().readTree(line));
        }
        for (String kind : kinds) {
            assertThat(records).as("faults of kind " + kind + " injected and healed without error")
                    .anyMatch(r -> r.path("kind").asText().equals(kind) && !r.path("healedAt").isNull() && r.path("error").isNull());
        }
        assertThat(records).as("partition errors")
                .filteredOn(r -> r.path("kind").asText().equals("iptables-partition"))
                .allMatch(r -> r.path("error").isNull());
    }

    static JsonNode results(Path store) throws Exception {
        return new ObjectMapper().readTree(store.resolve("latest/results.json").toFile());
    }

    private static void awaitRunPhase(Path history, Process harness) throws Exception {
        for (int i = 0; i < 900; i++) {
            if (Files.isRegularFile(history) && Files.size(history) > 0) {
                return;
            }
            if (!harness.isAlive()) {
                throw new AssertionError("the harness exited before the run phase");
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the run phase did not begin within 90 s");
    }

    /** A run takes about 35 s on two idle cores; the bound leaves room for a loaded machine. */
    static final long RUN_TIMEOUT_SECONDS = 150;
}
