package io.cutcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cutcheck.cli.conform.Rule;
import io.cutcheck.cli.conform.Rules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The conformance kit through the real command line: the reference systems conform (exit 0,
 * every row PASS or SKIP, within the kit's minute), and a system whose node breaks one rule
 * ({@link BrokenNode} in front of the real node) is caught on exactly that row, with the call
 * that shows it, exit 1. Every process the kit records must be gone when it exits.
 */
class ConformIT {

    static final Pattern ROW = Pattern.compile("^(§\\S+)  (.+?)\\s{2,}(PASS|FAIL|SKIP)(  (.*))?$");
    static final Pattern SUMMARY = Pattern.compile("conform: (\\d+) rules: (\\d+) PASS, (\\d+) FAIL, (\\d+) SKIP in"
            + " ([0-9.]+) s");

    @TempDir
    Path dir;

    final Set<Long> pids = new LinkedHashSet<>();

    @AfterEach
    void killAnyLeftover() {
        Cli.alive(List.copyOf(pids)).forEach(p -> ProcessHandle.of(p).ifPresent(ProcessHandle::destroyForcibly));
    }

    @Test
    void barrierConforms() throws Exception {
        conforms("barrier", 6, "--system", "barrier");
    }

    @Test
    void markerConforms() throws Exception {
        conforms("marker", 3, "--system", "marker");
    }

    @Test
    void thePythonExampleConforms() throws Exception {
        conforms("python-stream", 2, "--system-file", Cli.ROOT.resolve("examples/python-stream/system.json").toString());
    }

    private void conforms(String system, int nodes, String... which) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("conform"));
        args.addAll(List.of(which));
        args.addAll(List.of("--work-dir", dir.resolve("work").toString()));
        Cli.Result result = run(args.toArray(String[]::new));
        Map<String, String> rows = rows(result.out());
        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        assertThat(rows.values()).as(result.out()).isNotEmpty().allMatch(v -> v.equals("PASS") || v.equals("SKIP"));
        assertThat(rows).containsKeys(Rules.NOT_FOUND.text(), Rules.IDS.text(), Rules.TRANSITIONS.text(),
                Rules.ENCODING.text(), Rules.CONFIG_NOT_JSON.text());
        assertThat(rows).hasSizeGreaterThanOrEqualTo(Rules.ordered(List.of()).size() + 2);
        assertThat(result.out()).contains("conform: " + system + " ", nodes + " nodes");
        Matcher summary = SUMMARY.matcher(result.out());
        assertThat(summary.find()).as(result.out()).isTrue();
        assertThat(Double.parseDouble(summary.group(5))).as("seconds the kit took").isLessThanOrEqualTo(60);
        assertThat(Integer.parseInt(summary.group(3))).isZero();
        assertThat(pids).hasSizeGreaterThanOrEqualTo(nodes + 2);
        assertThat(Cli.alive(List.copyOf(pids))).as("processes left behind").isEmpty();
    }

    /** One rule broken on one node of marker: that row fails with its evidence, every other row holds. */
    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource(delimiter = '|', value = {
            "unknown-path-200 | peer-1 | unknown-path       | /cutcheck-no-such-path → 200",
            "reuse-id         | peer-0 | ids                | which was in use before",
            "config-exit-1    | peer-0 | config-not-json    | exit 1",
    })
    void aBrokenRuleIsCaughtOnItsRow(String mode, String node, String ruleId, String evidence) throws Exception {
        Path descriptor = brokenMarker(mode, node);
        Cli.Result result = run("conform", "--system-file", descriptor.toString(), "--work-dir",
                dir.resolve("work").toString());
        Rule rule = Rules.ordered(List.of()).stream().filter(r -> r.id().equals(ruleId)).findFirst().orElseThrow();
        Map<String, String> rows = rows(result.out());
        assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(1);
        assertThat(rows).as(result.out()).containsEntry(rule.text(), "FAIL");
        rows.forEach((text, verdict) -> assertThat(verdict).as(text + "\n" + result.out())
                .isIn(text.equals(rule.text()) ? List.of("FAIL") : List.of("PASS", "SKIP")));
        assertThat(result.out()).contains(evidence);
        assertThat(Cli.alive(List.copyOf(pids))).as("processes left behind").isEmpty();
    }

    @Test
    void neitherSystemNorFileIsOneLineAndExitTwo() throws Exception {
        Cli.Result result = run("conform");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip()).startsWith("cutcheck: ").contains("--system").doesNotContain("\n");
        assertThat(pids).isEmpty();
    }

    @Test
    void aSystemThatCannotStartIsOneLineAndExitTwo() throws Exception {
        ObjectNode d = markerDescriptor();
        d.putArray("command").add("/bin/false");
        Path file = dir.resolve("false.json");
        new ObjectMapper().writeValue(file.toFile(), d);
        Cli.Result result = run("conform", "--system-file", file.toString(), "--work-dir", dir.resolve("work").toString());
        assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(2);
        assertThat(result.err().strip()).startsWith("cutcheck: conform: nodes not running: ")
                .contains("process exited").doesNotContain("\n");
        assertThat(result.err()).doesNotContain("Exception", "\tat ").contains("process exited, see " + dir.resolve("work"));
        assertThat(Cli.alive(List.copyOf(pids))).as("processes left behind").isEmpty();
    }

    /** The marker descriptor with every node started through {@link BrokenNode} in {@code mode}. */
    private Path brokenMarker(String mode, String node) throws Exception {
        ObjectNode d = markerDescriptor();
        ArrayNode command = d.putArray("command");
        List.of(Cli.javaCommand(), "-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), BrokenNode.class.getName(), mode, node, "{java}", "-Xmx256m",
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar",
                Cli.ROOT.resolve("systems-under-test/target/cutcheck-sut.jar").toString()).forEach(command::add);
        Path file = dir.resolve("broken-" + mode + ".json");
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), d);
        return file;
    }

    private static ObjectNode markerDescriptor() throws Exception {
        ObjectNode d = (ObjectNode) new ObjectMapper().readTree(
                Cli.ROOT.resolve("systems-under-test/systems/marker.json").toFile());
        d.remove("docker");
        return d;
    }

    /** Rule text → verdict, from the table the kit printed. */
    static Map<String, String> rows(String out) {
        Map<String, String> rows = new LinkedHashMap<>();
        for (String line : out.split("\n")) {
            Matcher m = ROW.matcher(line);
            if (m.matches()) {
                rows.put(m.group(2).strip(), m.group(3));
            }
        }
        return rows;
    }

    /** Runs the CLI to the end, collecting the pids it records as it goes. */
    private Cli.Result run(String... args) throws Exception {
        Cli cli = new Cli(dir.resolve("run"));
        Path out = dir.resolve("out");
        Process p = cli.start(out, args);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (p.isAlive() && System.nanoTime() < deadline) {
            pids.addAll(cli.recordedPids());
            Thread.sleep(100);
        }
        if (p.isAlive()) {
            p.destroy();
            p.waitFor(30, TimeUnit.SECONDS);
            throw new AssertionError("conform did not finish in 180 s");
        }
        return new Cli.Result(p.exitValue(), Files.readString(out.resolve("stdout.txt")),
                Files.readString(out.resolve("stderr.txt")));
    }
}
