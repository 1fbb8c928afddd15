package io.cutcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code replay} and {@code shrink} refuse what they cannot do in one line, exit 2, before any run starts. */
class ReplayShrinkInputTest {

    @TempDir
    Path dir;

    static BadStoreTableTest.Result cutcheck(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = CutcheckCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return new BadStoreTableTest.Result(cli.execute(args), out.toString(), err.toString());
    }

    static void assertRefused(BadStoreTableTest.Result result, String message) {
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip()).startsWith("cutcheck: ").contains(message).doesNotContain("\n");
        assertThat(result.out()).isEmpty();
    }

    Path validRun() throws Exception {
        BadStoreTableTest table = new BadStoreTableTest();
        table.dir = dir;
        return table.copyFixture();
    }

    @Test
    void aValidRunIsNotShrunk() throws Exception {
        Path run = validRun();
        assertRefused(cutcheck("shrink", run.toString()), "is valid: only an invalid run can be shrunk");
        assertThat(run.resolve("shrink")).doesNotExist();
    }

    @Test
    void badCountsAndSpansAreRefused() throws Exception {
        Path run = validRun();
        assertRefused(cutcheck("replay", run.toString(), "--tries", "0"), "--tries must be from 1 to 100: 0");
        assertRefused(cutcheck("shrink", run.toString(), "--tries", "21"), "--tries must be from 1 to 20: 21");
        assertRefused(cutcheck("shrink", run.toString(), "--budget", "soon"),
                "--budget must be a positive span like 90s, 10m or 1h: soon");
        assertRefused(cutcheck("shrink", run.toString(), "--budget", "0m"), "--budget must be a positive span");
    }

    @Test
    void whatIsNoRunsStoreIsOneLine() throws Exception {
        assertRefused(cutcheck("replay", dir.resolve("nothing").toString()), "no such store directory: ");
        Path run = validRun();
        Files.delete(run.resolve("test.json"));
        assertRefused(cutcheck("replay", run.toString()), "cannot replay " + run + ": ");
        assertRefused(cutcheck("shrink", run.toString()), "no test.json");
    }
}
