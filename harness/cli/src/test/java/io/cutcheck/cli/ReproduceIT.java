package io.cutcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reproducing a failure through the real command line: hand-written scenarios refused with one
 * line naming the step, and a busy failing run of {@code commit-before-all-acks} replayed from its
 * store and shrunk to a scenario that fails again when run with {@code --scenario}.
 */
class ReproduceIT {

    static final String[] BARRIER_DEFECT_TEST = {"test", "--system", "barrier", "--defect", "commit-before-all-acks"};

    @TempDir
    Path dir;

    Cli.Result cutcheck(String name, long timeoutSeconds, String... args) throws Exception {
        return new Cli(dir.resolve("run-" + name)).run(dir.resolve("out-" + name), timeoutSeconds, args);
    }

    Cli.Result scenario(String name, String json, String... more) throws Exception {
        Path file = Files.writeString(dir.resolve(name + ".json"), json);
        String[] args = new String[more.length + 5];
        args[0] = "test";
        args[1] = "--scenario";
        args[2] = file.toString();
        args[3] = "--store";
        args[4] = dir.resolve("store").toString();
        System.arraycopy(more, 0, args, 5, more.length);
        return cutcheck(name, 120, args);
    }

    @Test
    void aBadScenarioIsOneLineNamingItsStep() throws Exception {
        String kill = "{\"kind\": \"kill\", \"targets\": \"one\", \"at\": \"1s\", \"duration\": \"1s\"}";
        assertRefused(scenario("unknown-kind", "{\"faults\": [" + kill + ", {\"kind\": \"kil\", \"targets\": \"one\","
                + " \"at\": \"3s\", \"duration\": \"1s\"}]}"), "step 1 (kil): unknown nemesis 'kil'");
        assertRefused(scenario("overlap", "{\"faults\": [" + kill + ", {\"kind\": \"pause\", \"targets\": \"one\","
                + " \"at\": \"1.5s\", \"duration\": \"1s\"}]}"), "step 1 (pause at 1.5 s) begins before step 0");
        assertRefused(scenario("typo", "{\"faults\": [{\"kind\": \"kill\", \"targets\": \"one\", \"at\": 0,"
                + " \"duraton\": 100}]}"), "step 0: unknown field 'duraton'");
        assertRefused(scenario("no-such-node", "{\"faults\": [{\"kind\": \"kill\", \"targets\": [\"operator-7\"],"
                + " \"at\": 0, \"duration\": 100}]}"), "step 0 (kill at 0.0 s): target 'operator-7' is no node of this run");
        assertRefused(scenario("too-late", "{\"faults\": [" + kill + "]}", "--time-limit", "1.5"),
                "step 0 (kill at 1.0 s) is healed at 2.0 s, after the run phase ends at 1.5 s");
        assertRefused(cutcheck("missing", 60, "test", "--scenario", dir.resolve("nope.json").toString()),
                "no such scenario file: ");
    }

    static void assertRefused(Cli.Result result, String message) {
        assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
        assertThat(result.err().strip()).contains(message).doesNotContain("\n").doesNotContain("Exception");
        assertThat(result.out()).doesNotContain("verdict:");
    }

    @Test
    void aBusyFailingRunReplaysAndShrinksToAScenarioThatFailsAgain() throws Exception {
        Cli.Result busy = cutcheck("busy", 240, append(BARRIER_DEFECT_TEST, "--nemesis",
                "kill,pause,kill-mid-checkpoint", "--targets", "one,non-coordinator", "--fault-interval", "1500",
                "--fault-duration", "700", "--time-limit", "15", "--seed", "3", "--store", dir.resolve("store").toString()));
        assertThat(busy.exitCode()).as(busy.out()).isEqualTo(1);
        // nine planned; on a loaded machine a slow restart can push the last ones past the run's end
        int faults = Integer.parseInt(find(busy.out(), "faults: (\\d+);"));
        assertThat(faults).isGreaterThanOrEqualTo(6);
        Path run = Path.of(find(busy.out(), "(?m)^store: (\\S+)$"));
        JsonNode executed = new ObjectMapper().readTree(run.resolve("test.json").toFile()).path("faultSchedule");
        assertThat(executed).hasSize(9);

        Cli.Result replay = cutcheck("replay", 360, "replay", run.toString(), "--tries", "3");
        assertThat(replay.out()).contains("; " + faults + " faults, seed 3, 3 tries");
        assertThat(replay.exitCode()).as(replay.out()).isEqualTo(1);
        assertThat(Integer.parseInt(find(replay.out(), "replayed: (\\d) of 3 tries reproduced invalid")))
                .as(replay.out()).isGreaterThanOrEqualTo(2);
        assertThat(run.resolve("replay/scenario.json")).isRegularFile();

        Cli.Result shrink = cutcheck("shrink", 600, "shrink", run.toString(), "--tries", "2", "--budget", "8m");
        assertThat(shrink.exitCode()).as(shrink.out()).isEqualTo(1);
        assertThat(Integer.parseInt(find(shrink.out(), "shrunk: " + faults + " faults -> (\\d+) fault"))).as(shrink.out())
                .isLessThanOrEqualTo(2);
        assertThat(shrink.out()).contains("shrink [ddmin] 1: ", "replay: ./cutcheck replay " + run + "/shrink/last-failing");
        Path minimal = run.resolve("shrink/scenario.json");
        assertThat(run.resolve("shrink/last-failing/results.json")).isRegularFile();
        assertThat(run.resolve("shrink/runs")).doesNotExist();

        String[] again = find(shrink.out(), "or: \\./cutcheck (test --scenario .*)").split(" ");
        Cli.Result rerun = cutcheck("rerun", 240, append(again, "--store", dir.resolve("store").toString()));
        assertThat(rerun.exitCode()).as(rerun.out()).isEqualTo(1);
        assertThat(rerun.out()).contains("verdict: invalid");
        assertThat(again).contains(minimal.toString());
    }

    static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as("'" + regex + "' in:\n" + text).isTrue();
        return m.group(1);
    }

    static String[] append(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
