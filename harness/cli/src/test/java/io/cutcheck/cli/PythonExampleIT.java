package io.cutcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The third-party example (examples/python-stream, Python, standard library only) tested as a
 * user tests their own system, through its descriptor and the real command line: valid under
 * kills, pauses and partitions, invalid with its planted bug, on three seeds each locally and
 * on one seed in containers.
 */
class PythonExampleIT {

    static final String DESCRIPTOR = Cli.ROOT.resolve("examples/python-stream/system.json").toString();
    static final int SEEDS = 3;

    @TempDir
    Path dir;

    final Cli cli = new Cli(Path.of(System.getProperty("java.io.tmpdir"), "cutcheck-python-example-run"));

    @AfterEach
    void nothingIsLeftRunning() throws Exception {
        List<Long> alive = Cli.alive(cli.recordedPids());
        alive.forEach(p -> ProcessHandle.of(p).ifPresent(ProcessHandle::destroyForcibly));
        assertThat(alive).as("processes the runs left").isEmpty();
    }

    final List<Long> harnesses = new java.util.ArrayList<>();

    private Cli.Result test(String... args) throws Exception {
        List<String> all = new java.util.ArrayList<>(List.of("test", "--system-file", DESCRIPTOR,
                "--store", dir.resolve("store").toString()));
        all.addAll(List.of(args));
        Path out = dir.resolve("out-" + harnesses.size());
        Process harness = cli.start(out, all.toArray(String[]::new));
        harnesses.add(harness.pid());
        if (!harness.waitFor(900, java.util.concurrent.TimeUnit.SECONDS)) {
            harness.destroy();
            throw new AssertionError("cutcheck " + String.join(" ", all) + " did not finish in 900 s");
        }
        return new Cli.Result(harness.exitValue(), java.nio.file.Files.readString(out.resolve("stdout.txt")),
                java.nio.file.Files.readString(out.resolve("stderr.txt")));
    }

    private static long count(Cli.Result result, String line) {
        return result.out().lines().filter(l -> l.equals(line)).count();
    }

    @Test
    void theCorrectExampleIsValidUnderKillsPausesAndPartitions() throws Exception {
        Cli.Result result = test("--nemesis", "kill,pause,partition", "--time-limit", "15", "--seed", "1",
                "--test-count", Integer.toString(SEEDS));
        assertThat(result.out()).as(result.err()).contains("python-stream on local");
        assertThat(count(result, "verdict: valid")).as(result.out()).isEqualTo(SEEDS);
        assertThat(result.exitCode()).isZero();
    }

    @Test
    void itsPlantedBugIsCaughtOnEverySeed() throws Exception {
        Cli.Result result = test("--defect", "recommit", "--nemesis", "kill", "--time-limit", "15", "--seed", "1",
                "--test-count", Integer.toString(SEEDS));
        assertThat(count(result, "verdict: invalid")).as(result.out() + result.err()).isEqualTo(SEEDS);
        assertThat(result.out()).contains("duplicated-record");
        assertThat(result.exitCode()).isEqualTo(1);
    }

    @Test
    @Tag("docker")
    void inContainersTooValidAndCaught() throws Exception {
        Cli.Result valid = test("--runtime", "docker", "--nemesis", "kill,pause,partition", "--time-limit", "15",
                "--seed", "1");
        assertThat(valid.out()).as(valid.err()).contains("python-stream on docker", "verdict: valid");
        Cli.Result invalid = test("--runtime", "docker", "--defect", "recommit", "--nemesis", "kill",
                "--time-limit", "15", "--seed", "1");
        assertThat(invalid.out()).as(invalid.err()).contains("verdict: invalid", "duplicated-record");
        for (long pid : harnesses) {
            assertThat(DockerLeftovers.of(pid)).as("containers and networks of harness " + pid).isEmpty();
        }
    }
}
