package io.cutcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * {@code cutcheck analyze} on stores damaged one way each, in process. The store is a real 2 s
 * barrier run (no faults, valid), saved under test resources. A store whose manifest cannot be
 * read is an error: one line naming the file and field, exit 2. A store whose evidence is damaged
 * or missing is judged: verdict {@code unknown} with the reason, exit 2, never valid or invalid.
 */
class BadStoreTableTest {

    static final Path FIXTURE = Path.of("src/test/resources/stores/barrier-2s");

    @TempDir
    Path dir;

    /** How a store is spoiled. */
    interface Damage {
        void apply(Path store) throws IOException;
    }

    static Arguments error(String name, Damage damage, String message) {
        return Arguments.of(name, damage, true, message);
    }

    static Arguments unknown(String name, Damage damage, String reason) {
        return Arguments.of(name, damage, false, reason);
    }

    static Stream<Arguments> damages() {
        return Stream.of(
                error("no test.json", s -> Files.delete(s.resolve("test.json")), "no test.json"),
                error("test.json a directory", s -> {
                    Files.delete(s.resolve("test.json"));
                    Files.createDirectory(s.resolve("test.json"));
                }, "no test.json"),
                error("test.json empty", s -> write(s, "test.json", ""), "test.json is unreadable"),
                error("test.json not JSON", s -> write(s, "test.json", "seed=1"), "test.json is unreadable: line 1"),
                error("test.json cut short", s -> truncate(s, "test.json", 200), "test.json is unreadable: "),
                error("test.json an array", s -> write(s, "test.json", "[]"), "test.json is unreadable"),
                error("test.json null", s -> write(s, "test.json", "null"), "test.json holds no test spec"),
                error("seed a word", s -> replace(s, "test.json", "\"seed\" : 1,", "\"seed\" : \"abc\","),
                        "field spec.seed"),
                error("seed a numeral in quotes", s -> replace(s, "test.json", "\"seed\" : 1,", "\"seed\" : \"12\","),
                        "field spec.seed"),
                error("seed a fraction", s -> replace(s, "test.json", "\"seed\" : 1,", "\"seed\" : 1.5,"),
                        "field spec.seed"),
                error("seed null", s -> replace(s, "test.json", "\"seed\" : 1,", "\"seed\" : null,"), "field spec.seed"),
                error("seed beyond a long", s -> replace(s, "test.json", "\"seed\" : 1,",
                        "\"seed\" : 99999999999999999999,"), "field spec.seed"),
                error("nodes a word", s -> replace(s, "test.json", "\"nodes\" : 2,", "\"nodes\" : \"two\","),
                        "field spec.nodes"),
                error("time limit a list", s -> replace(s, "test.json", "\"timeLimitMillis\" : 2000,",
                        "\"timeLimitMillis\" : [2000],"), "field spec.timeLimitMillis"),
                error("an unknown fault target", s -> replace(s, "test.json", "\"ONE\"", "\"EVERYONE\""),
                        "field spec.faults.targets"),
                error("format 99", s -> replace(s, "test.json", "\"format\" : 2,", "\"format\" : 99,"),
                        "unsupported store format 99"),
                error("startedAt missing", s -> replace(s, "test.json", "\"startedAt\"", "\"begun\""),
                        "field startedAt"),
                error("an unknown workload", s -> replace(s, "test.json", "\"workload\" : \"stream\"",
                        "\"workload\" : \"nosuch\""), "unknown workload 'nosuch'"),
                unknown("a garbage line in the middle of history", s -> insertLine(s, "history.jsonl", 10, "garbage"),
                        "history.jsonl line 11 is not a readable record"),
                unknown("a garbage line appended to history", s -> append(s, "history.jsonl", "garbage\n"),
                        "history.jsonl line 81 is not a readable record"),
                unknown("history emptied", s -> write(s, "history.jsonl", ""),
                        "history.jsonl holds 0 readable records, but the run wrote 80"),
                unknown("history deleted", s -> Files.delete(s.resolve("history.jsonl")),
                        "history.jsonl holds 0 readable records"),
                unknown("events cut to 100 bytes", s -> truncate(s, "events.jsonl", 100),
                        "events.jsonl line 1 is not a readable record"),
                unknown("events losing their last line", s -> dropLastLine(s, "events.jsonl"),
                        "events.jsonl holds 110 readable records, but the run wrote 111"),
                unknown("events a directory", s -> {
                    Files.delete(s.resolve("events.jsonl"));
                    Files.createDirectory(s.resolve("events.jsonl"));
                }, "events.jsonl holds 0 readable records"),
                unknown("a checkpoint line of the wrong shape", s -> insertLine(s, "checkpoints.jsonl", 1, "[1,2,3]"),
                        "checkpoints.jsonl line 2 is not a readable record"),
                unknown("contents torn mid-line", s -> truncate(s, "contents.jsonl", 300),
                        "contents.jsonl line 3 is not a readable record"),
                unknown("a fault line that is not UTF-8", s -> Files.write(s.resolve("nemesis.jsonl"),
                        new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}', '\n'}), "nemesis.jsonl is not UTF-8 text"),
                unknown("a fault the run never wrote", s -> append(s, "nemesis.jsonl",
                        "{\"id\":0,\"kind\":\"kill\",\"targets\":[\"sink-0\"],\"startedAt\":1,\"healedAt\":2,\"error\":null}\n"),
                        "nemesis.jsonl holds 1 readable records, but the run wrote 0"),
                unknown("input losing a record", s -> dropLastLine(s, "input.jsonl"),
                        "input.jsonl holds 39 readable records, but 40 were collected"),
                unknown("output gaining a record", s -> append(s, "output.jsonl", firstLine(s, "output.jsonl") + "\n"),
                        "output.jsonl holds"),
                unknown("collected.json garbage", s -> write(s, "collected.json", "{{"), "collected.json is unreadable"),
                unknown("collected.json deleted", s -> Files.delete(s.resolve("collected.json")),
                        "no collected.json"),
                unknown("collected.json declaring -1 partitions", s -> replace(s, "collected.json",
                        "\"inputPartitions\" : 2", "\"inputPartitions\" : -1"), "declares -1 input partitions"),
                unknown("final-state.json garbage", s -> write(s, "final-state.json", "{\"drained\": tr"),
                        "final-state.json is unreadable"),
                unknown("final-state.json deleted", s -> Files.delete(s.resolve("final-state.json")),
                        "did not process all input"),
                unknown("written.json garbage", s -> write(s, "written.json", "[1,"), "written.json is unreadable"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("damages")
    void aDamagedStoreIsAnErrorOrUnknownNeverAVerdict(String name, Damage damage, boolean error, String message)
            throws Exception {
        Path store = copyFixture();
        damage.apply(store);
        Result result = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> analyze(store.toString()));
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).doesNotContain("Exception", "\tat ", "reference chain", "[Source:");
        if (error) {
            assertThat(result.err().strip()).as(result.toString()).startsWith("cutcheck: ").contains(message)
                    .doesNotContain("\n", "see --help");
            assertThat(result.out()).isEmpty();
        } else {
            assertThat(result.out()).as(result.toString()).contains("verdict: unknown", message)
                    .doesNotContain("verdict: valid", "verdict: invalid", "detected after");
        }
    }

    @Test
    void theUndamagedFixtureIsValid() throws Exception {
        Result result = analyze(copyFixture().toString());
        assertThat(result.out()).as(result.toString()).contains("verdict: valid");
        assertThat(result.exitCode()).isZero();
    }

    @Test
    void aTornLastLineOfAKilledRunIsToleratedAndNamed() throws Exception {
        Path store = copyFixture();
        Files.delete(store.resolve("written.json"));
        append(store, "events.jsonl", "{\"node\":\"sink-0\",\"incarn");
        Result result = analyze(store.toString());
        assertThat(result.out()).as(result.toString()).contains("events.jsonl line 112 is cut short");
        assertThat(result.exitCode()).as("intact otherwise: judged").isZero();
    }

    record Result(int exitCode, String out, String err) {}

    static Result analyze(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = CutcheckCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        String[] argv = Stream.concat(Stream.of("analyze"), Arrays.stream(args)).toArray(String[]::new);
        int code = cli.execute(argv);
        return new Result(code, out.toString(), err.toString());
    }

    Path copyFixture() throws IOException {
        return copyFixtureInto(dir);
    }

    /** A copy of the fixture store in a new directory under {@code parent}. */
    Path copyFixtureInto(Path parent) throws IOException {
        Path store = Files.createTempDirectory(parent, "run");
        try (Stream<Path> files = Files.list(FIXTURE)) {
            for (Path f : files.toList()) {
                Files.copy(f, store.resolve(f.getFileName().toString()));
            }
        }
        return store;
    }

    static void write(Path store, String file, String text) throws IOException {
        Files.writeString(store.resolve(file), text, StandardCharsets.UTF_8);
    }

    static void append(Path store, String file, String text) throws IOException {
        Files.writeString(store.resolve(file), text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    static void replace(Path store, String file, String from, String to) throws IOException {
        String text = Files.readString(store.resolve(file));
        if (!text.contains(from)) {
            throw new IllegalStateException(file + " of the fixture holds no " + from);
        }
        write(store, file, text.replace(from, to));
    }

    static void truncate(Path store, String file, int bytes) throws IOException {
        Files.write(store.resolve(file), Arrays.copyOf(Files.readAllBytes(store.resolve(file)), bytes));
    }

    static void insertLine(Path store, String file, int after, String line) throws IOException {
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(store.resolve(file)));
        lines.add(after, line);
        Files.write(store.resolve(file), lines);
    }

    static void dropLastLine(Path store, String file) throws IOException {
        List<String> lines = Files.readAllLines(store.resolve(file));
        Files.write(store.resolve(file), lines.subList(0, lines.size() - 1));
    }

    static String firstLine(Path store, String file) {
        try {
            return Files.readAllLines(store.resolve(file)).get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
