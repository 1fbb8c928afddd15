package io.cutcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cutcheck.harness.spec.TestSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/**
 * Bad flags of every subcommand and bad system descriptors, run in this JVM through the
 * command line's own entry point ({@link CutcheckCommand#commandLine()}): each is exit 2 and one line on
 * standard error saying what is wrong, never a stack trace, and nothing is started (no run file,
 * no child process, and an answer within 10 s). {@link BadInputIT} runs a few such lines as a
 * user would, through the jar; this table is the wide, fast one.
 */
class BadInputTableTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration BOUND = Duration.ofSeconds(10);

    /** A valid descriptor, which each descriptor row breaks in one place. */
    private static final String BASE = """
            {"descriptor": 1, "name": "mini", "workload": "stream", "command": ["{java}", "-version"],
             "nodes": [{"role": "coordinator", "count": 1, "name": "coordinator"}, {"role": "worker", "count": "workers"}],
             "workers": {"min": 1, "default": 1}, "committer": {"role": "coordinator", "index": 0},
             "defects": [{"name": "bug", "description": "a planted bug"}],
             "options": [{"name": "batch", "description": "records per read"}, {"name": "keys", "description": "k"}]}
            """;

    @TempDir
    static Path dir;

    private static Path runDir;
    private static String runDirBefore;
    private static Map<String, String> placeholders;
    /** This JVM's child processes before the first row (none, under Surefire); no row may add one. */
    private static Set<Long> children;
    private static final AtomicInteger written = new AtomicInteger();

    @BeforeAll
    static void files() throws IOException {
        // a run that wrongly starts records itself here, where the rows look for it
        runDir = dir.resolve("run");
        runDirBefore = System.setProperty("cutcheck.runDir", runDir.toString());
        Path systems = Files.createDirectories(dir.resolve("systems"));
        Files.writeString(systems.resolve("not-executable.sh"), "#!/bin/sh\n");
        Path good = Files.writeString(systems.resolve("good.json"), BASE);
        Path file = Files.writeString(dir.resolve("a-file"), "not a directory");
        placeholders = Map.of("{good}", good.toString(), "{file}", file.toString(), "{dir}", dir.toString());
        children = children();
    }

    @AfterAll
    static void restore() {
        if (runDirBefore == null) {
            System.clearProperty("cutcheck.runDir");
        } else {
            System.setProperty("cutcheck.runDir", runDirBefore);
        }
    }

    /** What one command line printed and returned. */
    record Result(int exitCode, String out, String err) {}

    /** Runs {@code cutcheck ARGS} in this JVM, as {@link CutcheckCommand#main} would but with the output kept. */
    static Result cutcheck(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = CutcheckCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    @ParameterizedTest(name = "cutcheck {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            # test: numbers out of range or not numbers at all
            test --time-limit NaN                                   | --time-limit must be positive and at most 86400 s
            test --time-limit Infinity                              | --time-limit must be positive and at most 86400 s
            test --time-limit 0.0004                                | --time-limit must be positive
            test --time-limit                                       | Missing required parameter for option '--time-limit'
            test --drain-timeout NaN                                | --drain-timeout must be positive and at most 86400 s
            test --drain-timeout 86401                              | --drain-timeout must be positive and at most 86400 s
            test --fault-interval 0                                 | --fault-interval must be from 1 to 86400000 ms
            test --fault-interval -5                                | --fault-interval must be from 1 to 86400000 ms
            test --fault-interval 86400001                          | --fault-interval must be from 1 to 86400000 ms
            test --fault-duration 0                                 | --fault-duration must be from 1 ms to the shortest gap
            test --fault-duration 2251                              | shortest gap between faults (2250 ms
            test --fault-interval 1000 --fault-jitter 0.5 --fault-duration 600 | shortest gap between faults (500 ms
            test --fault-jitter 1                                   | --fault-jitter must be a fraction from 0 to below 1
            test --fault-jitter -0.1                                | --fault-jitter must be a fraction from 0 to below 1
            test --fault-jitter NaN                                 | --fault-jitter must be a fraction from 0 to below 1
            test --fault-jitter lots                                | Invalid value for option '--fault-jitter'
            test --checkpoint-interval -1                           | --checkpoint-interval must be from 0 (off) to 86400000 ms
            test --checkpoint-interval 9223372036854775807          | --checkpoint-interval must be from 0 (off) to 86400000 ms
            test --checkpoint-every-records -1                      | --checkpoint-every-records must be 0 (off) or more
            test --concurrency 0                                    | --concurrency must be from 1 to 256
            test --concurrency 257                                  | --concurrency must be from 1 to 256
            test --rate -1                                          | --rate must be from 1 to 1000000
            test --rate 1000001                                     | --rate must be from 1 to 1000000
            test --rate 99999999999                                 | Invalid value for option '--rate'
            test --nodes 0                                          | the barrier system needs --nodes >= 2
            test --nodes 65                                         | --nodes must be at most 64
            test --nodes 2.5                                        | Invalid value for option '--nodes'
            test --seed abc                                         | Invalid value for option '--seed'
            test --seed 1 --seed 2                                  | should be specified only once
            test --test-count 0                                     | --test-count must be from 1 to 10000
            test --test-count 10001                                 | --test-count must be from 1 to 10000
            # test: names of nemeses, targets, systems, runtimes
            test --targets ,                                        | --targets needs at least one target
            test --targets one,,all                                 | unknown fault target ''
            test --targets                                          | Missing required parameter for option '--targets'
            test --nemesis kill+                                    | empty part in nemesis 'kill+'
            test --nemesis +pause                                   | empty part in nemesis '+pause'
            test --nemesis kill+kill                                | nemesis 'kill+kill' names the same fault twice
            test --nemesis partition+explode                        | unknown nemesis 'explode'
            test --nemesis iptables-partition                       | nemesis 'iptables-partition' works only with --runtime docker
            test --nemesis ''                                       | --nemesis has an empty entry
            test --system ''                                        | unknown system ''
            test --system bad\\nname                                | unknown system 'bad name'
            test --runtime ''                                       | unknown runtime ''
            test --defect ''                                        | the barrier system has no defect ''
            test --name ../x                                        | invalid test name: '../x'
            test --name ''                                          | invalid test name: ''
            test --option =5                                        | --option must be key=value: '=5'
            test --option heartbeatTimeoutMs=1 --option heartbeatTimeoutMs=2 | --option heartbeatTimeoutMs is given twice
            # test: files, folders, URLs
            test --store {file}                                     | is a file, not a directory
            test --store {file}/sub                                 | is a file, not a directory
            test --system-file ''                                   | --system-file is empty
            test --system-file {dir}                                | is a directory, not a system descriptor file
            test --system-file {good} --runtime docker              | the mini system cannot run on --runtime docker
            test --system-file {good} --nodes 0                     | the mini system needs --nodes >= 1: 0
            test --system-file {good} --defect nosuch               | the mini system has no defect 'nosuch' (one of: bug)
            test --system-file {good} --option flush=1              | the mini system takes no option 'flush' (its options: batch, keys)
            test --system-file {good} --option keys=3               | --option keys: the stream workload sets this option itself
            test --toxiproxy ftp://127.0.0.1:8474                   | --toxiproxy must be http://HOST:PORT
            test --toxiproxy http://127.0.0.1:99999                 | --toxiproxy must be http://HOST:PORT
            test --toxiproxy http://127.0.0.1:8474/api              | --toxiproxy must be http://HOST:PORT
            test --toxiproxy http://127.0.0.1:1                     | cannot reach Toxiproxy at http://127.0.0.1:1
            test extra                                              | Unmatched argument at index 1: 'extra'
            test --bogus                                            | Unknown option: '--bogus'
            # demo
            demo --runtime mars                                     | unknown runtime 'mars'
            demo --store {file}                                     | is a file, not a directory
            demo --store                                            | Missing required parameter for option '--store'
            demo extra                                              | Unmatched argument at index 1: 'extra'
            # analyze: flags only (its store files are another table's)
            analyze --bogus {dir}                                   | Unknown option: '--bogus'
            analyze {dir} extra                                     | Unmatched argument at index 2: 'extra'
            analyze {file}                                          | no such store directory
            # self-check
            self-check --seeds 0                                    | --seeds must be from 1 to 1000: 0
            self-check --seeds 1001                                 | --seeds must be from 1 to 1000: 1001
            self-check --seeds x                                    | Invalid value for option '--seeds'
            self-check --time-limit 0                               | --time-limit must be positive and at most 86400 s
            self-check --time-limit NaN                             | --time-limit must be positive and at most 86400 s
            self-check --time-limit 1e12                            | --time-limit must be positive and at most 86400 s
            self-check --runtime mars                               | unknown runtime 'mars'
            self-check --only (                                     | --only is not a regular expression
            self-check --only nomatch                               | --only matches no row: nomatch
            self-check --first-seed x                               | Invalid value for option '--first-seed'
            self-check --store {file}                               | is a file, not a directory
            self-check --system-file {good} --runtime docker        | the mini system cannot run on --runtime docker
            self-check --system-file /no/such.json                  | no such system descriptor
            self-check extra                                        | Unmatched argument at index 1: 'extra'
            # conform
            conform                                                 | give --system NAME or --system-file DESCRIPTOR
            conform --system barrier --system-file {good}           | give --system NAME or --system-file DESCRIPTOR
            conform --system barrier --runtime docker               | conform runs on --runtime local only
            conform --system nosuch                                 | unknown system 'nosuch'
            conform --system barrier --work-dir {file}              | is a file, not a directory
            conform --system-file {dir}                             | is a directory, not a system descriptor file
            conform --bogus                                         | Unknown option: '--bogus'
            # defects, toxiproxy, the top level
            defects --bogus                                         | Unknown option: '--bogus'
            defects extra                                           | Unmatched argument at index 1: 'extra'
            toxiproxy --port -1                                     | --port must be in 0..65535
            toxiproxy --port 65536                                  | --port must be in 0..65535
            toxiproxy --port x                                      | Invalid value for option '--port'
            toxiproxy --seed x                                      | Invalid value for option '--seed'
            toxiproxy --host ''                                     | --host must name an interface
            toxiproxy --host                                        | Missing required parameter for option '--host'
            toxiproxy --host 203.0.113.1 --port 0                   | cannot listen on 203.0.113.1:0
            toxiproxy extra                                         | Unmatched argument at index 1: 'extra'
            --bogus                                                 | Unknown option: '--bogus'
            help nosuch                                             | Unknown subcommand 'nosuch'
            selfcheck                                               | Unmatched argument at index 0: 'selfcheck'
            """)
    void badFlags(String line, String message) {
        String[] args = Arrays.stream(line.trim().split("\\s+")).map(BadInputTableTest::arg).toArray(String[]::new);
        refused(args, message);
    }

    /** A table token as an argument: {@code ''} is the empty string, {@code \n} a line break, {@code {x}} a file. */
    private static String arg(String token) {
        String arg = token.equals("''") ? "" : token.replace("\\n", "\n");
        for (Map.Entry<String, String> p : placeholders.entrySet()) {
            arg = arg.replace(p.getKey(), p.getValue());
        }
        return arg;
    }

    @ParameterizedTest(name = "{0} --system-file: {1} = {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            # the file as a whole (<raw>: the file is the value)
            test       | <raw>               | this is not JSON                         | not JSON at line 1, column 1
            test       | <raw>               | <empty>                                  | a system descriptor is a JSON object
            test       | <raw>               | <blank>                                  | a system descriptor is a JSON object
            test       | <raw>               | [1, 2]                                   | a system descriptor is a JSON object
            test       | <raw>               | null                                     | a system descriptor is a JSON object
            test       | <raw>               | {"descriptor": 1, "name": [}             | not JSON at line 1, column 28, in field 'name[0]': Unexpected close marker '}'
            test       | <raw>               | {"descriptor": 1, "command": [1,         | Unexpected end-of-input
            test       | <raw>               | {"descriptor": 1, "descriptor": 1}       | in field 'descriptor': Duplicate field 'descriptor'
            test       | <raw>               | // a comment\\n{}                        | maybe a (non-standard) comment?
            test       | <raw>               | {base} garbage                           | there is more after the descriptor's closing '}'
            test       | <raw>               | {base} {}                                | there is more after the descriptor's closing '}'
            test       | <raw>               | {"descriptor": 1, "name": "a\\nb"}       | Illegal unquoted character
            # top-level fields
            test       | descriptor          | <absent>                                 | field 'descriptor' is required: the format version, 1
            test       | descriptor          | 2                                        | field 'descriptor' must be 1 (the format version), not 2
            test       | descriptor          | "1"                                      | field 'descriptor' must be 1 (the format version), not "1"
            test       | name                | <absent>                                 | field 'name' is required
            test       | name                | ""                                       | field 'name' must be a non-empty string
            test       | name                | "my system"                              | field 'name' must be letters, digits
            test       | name                | "a\\nb"                                  | field 'name' must be letters, digits, '.', '_' and '-': 'a b'
            test       | description         | 5                                        | field 'description' must be a string: 5
            test       | description         | {"a": 1}                                 | field 'description' must be a string
            test       | workload            | "bogus"                                  | field 'workload' names no workload of this cutcheck: 'bogus' (one of: bank, stream)
            test       | workload            | 5                                        | field 'workload' must be a non-empty string: 5
            test       | colour              | "red"                                    | field 'colour' unknown field (known: command, committer
            test       | finalState          | "balances"                               | field 'finalState' must be a path on the node
            test       | finalState          | 5                                        | field 'finalState' must be a path on the node
            # command
            test       | command             | <absent>                                 | field 'command' is required: a non-empty list of strings
            test       | command             | []                                       | field 'command' must be a non-empty list of strings
            test       | command             | "java -jar node.jar"                     | field 'command' must be a non-empty list of strings
            test       | command             | [1]                                      | field 'command' every element must be a non-empty string
            test       | command             | ["{java}", ""]                           | field 'command' every element must be a non-empty string
            test       | command             | ["no-such-program-cutcheck"]             | field 'command' names a program that is not on this host's PATH: no-such-program-cutcheck
            test       | command             | ["./missing.sh"]                         | field 'command' names a program that does not exist
            test       | command             | ["./not-executable.sh"]                  | field 'command' names a program that is not executable
            conform    | command             | ["no-such-program-cutcheck"]             | field 'command' names a program that is not on this host's PATH
            self-check | command             | ["./missing.sh", "--fast"]               | field 'command' names a program that does not exist
            # workers
            test       | workers.min         | -1                                       | field 'workers.min' must be a whole number from 1 to 64: -1
            test       | workers.min         | 0                                        | field 'workers.min' must be a whole number from 1 to 64: 0
            test       | workers.min         | "two"                                    | field 'workers.min' must be a whole number from 1 to 64: "two"
            test       | workers.min         | 1.5                                      | field 'workers.min' must be a whole number from 1 to 64: 1.5
            test       | workers.min         | 100000                                   | field 'workers.min' must be a whole number from 1 to 64
            test       | workers.default     | 0                                        | field 'workers.default' must be a whole number from 1 to 64: 0
            test       | workers.default     | 1000                                     | field 'workers.default' must be a whole number from 1 to 64: 1000
            test       | workers             | {"min": 3, "default": 2}                 | field 'workers.default' must be at least workers.min (3): 2
            test       | workers             | [1]                                      | field 'workers' must be an object
            test       | workers.max         | 3                                        | field 'workers.max' unknown field (known: default, min)
            # nodes
            test       | nodes               | []                                       | field 'nodes' must be a non-empty list of roles
            test       | nodes               | {"role": "worker"}                       | field 'nodes' must be a non-empty list of roles
            test       | nodes               | ["coordinator"]                          | field 'nodes[0]' must be an object
            test       | nodes[1].count      | "lots"                                   | field 'nodes[1].count' must be a number from 1 to 64, "workers" or "partitions": "lots"
            test       | nodes[1].count      | 0                                        | field 'nodes[1].count' must be a number from 1 to 64
            test       | nodes[1].count      | 100000                                   | field 'nodes[1].count' must be a number from 1 to 64
            test       | nodes[1].count      | 2.5                                      | field 'nodes[1].count' must be a number from 1 to 64
            test       | nodes[1].count      | {"of": "workers"}                        | field 'nodes[1].count' must be a number from 1 to 64
            test       | nodes[1].count      | <absent>                                 | field 'nodes[1].count' is required
            test       | nodes[1].role       | "a b"                                    | field 'nodes[1].role' must be letters, digits
            test       | nodes[1].role       | "coordinator"                            | field 'nodes[1].role' role 'coordinator' is listed twice
            test       | nodes[1].name       | 5                                        | field 'nodes[1].name' must be a non-empty string: 5
            test       | nodes[1].name       | "w/{index}"                              | field 'nodes[1].name' must give node names of letters, digits
            test       | nodes[1].name       | "worker"                                 | field 'nodes[1].name' needs {index} unless the role has exactly one node
            test       | nodes[1]            | {"role": "worker", "count": 1, "name": "coordinator"} | field 'nodes[1].name' gives the nodes of two roles the same names
            test       | nodes[1].size       | 3                                        | field 'nodes[1].size' unknown field (known: count, name, role)
            test       | nodes               | [{"role": "coordinator", "count": 1, "name": "coordinator"}, {"role": "worker", "count": "workers", "name": "w{index}"}, {"role": "spare", "count": 1, "name": "w0"}] | the mini system with --nodes 1: two nodes of the layout are named 'w0'
            # committer
            test       | committer           | <absent>                                 | field 'committer' must be {"role": ..., "index": ...}
            test       | committer           | "coordinator"                            | field 'committer' must be {"role": ..., "index": ...}
            test       | committer.role      | "leader"                                 | field 'committer.role' names no role of 'nodes': leader
            test       | committer.role      | <absent>                                 | field 'committer.role' is required
            test       | committer.index     | -1                                       | field 'committer.index' must be an index from 0: -1
            test       | committer.index     | "0"                                      | field 'committer.index' must be an index from 0: "0"
            test       | committer.index     | 1                                        | field 'committer.index' must be below the count of role 'coordinator' (1): 1
            test       | committer.acknowledges | "no"                                  | field 'committer.acknowledges' must be true or false: "no"
            test       | committer           | {"role": "worker", "index": 3}           | the mini system with --nodes 1 has no committing node: its committer is index 3 of role 'worker'
            conform    | committer           | {"role": "worker", "index": 3}           | the mini system with --nodes 1 has no committing node
            # defects and options
            test       | defects             | {"name": "bug"}                          | field 'defects' must be a list of {"name", "description"}
            test       | defects             | "bug"                                    | field 'defects' must be a list of {"name", "description"}
            test       | defects             | ["bug"]                                  | field 'defects[0]' must be an object
            test       | defects             | [{"name": "a"}, {"name": "a"}]           | field 'defects[1].name' 'a' is listed twice
            test       | defects             | [{"name": "a", "description": 5}]        | field 'defects[0].description' must be a string: 5
            test       | defects             | [{"description": "nameless"}]            | field 'defects[0].name' is required
            test       | options             | "batch"                                  | field 'options' must be a list of {"name", "description"}
            test       | options             | [{"name": "batch", "default": 1}]        | field 'options[0].default' unknown field (known: description, name)
            # docker
            test       | docker              | "image"                                  | field 'docker' must be an object
            test       | docker              | {}                                       | field 'docker' needs exactly one of "jar"
            test       | docker              | {"jar": "./x.jar", "image": "i"}         | field 'docker' needs exactly one of "jar"
            test       | docker              | {"jar": "./x.jar", "build": ["./b.sh"]}  | field 'docker.build' goes with "image", not with "jar"
            test       | docker              | {"image": "i", "build": "./b.sh"}        | field 'docker.build' must be a non-empty list of strings
            test       | docker              | {"image": "i", "build": []}              | field 'docker.build' must be a non-empty list of strings
            test       | docker              | {"image": "i", "build": [{}]}            | field 'docker.build' every element must be a non-empty string
            test       | docker              | {"image": 5}                             | field 'docker.image' must be a non-empty string: 5
            test       | docker              | {"image": "i", "tag": "latest"}          | field 'docker.tag' unknown field (known: build, image, jar)
            conform    | docker              | {"image": "i", "tag": "latest"}          | field 'docker.tag' unknown field
            self-check | workers.min         | 0                                        | field 'workers.min' must be a whole number from 1 to 64: 0
            """)
    void badDescriptors(String command, String field, String value, String message) throws IOException {
        Path file = descriptor(field, value);
        String line = refused(new String[] {command, "--system-file", file.toString()}, message);
        if (!message.startsWith("the mini system")) {
            assertThat(line).as("names the file").startsWith("cutcheck: " + file + ": ");
        }
    }

    /** The base descriptor with {@code field} set to {@code value} ({@code <absent>}: removed), or a raw file. */
    private static Path descriptor(String field, String value) throws IOException {
        Path file = dir.resolve("systems").resolve("case-" + written.incrementAndGet() + ".json");
        if (field.equals("<raw>")) {
            String raw = switch (value) {
                case "<empty>" -> "";
                case "<blank>" -> "  \n\t\n";
                default -> value.replace("{base}", BASE.strip()).replace("\\n", "\n");
            };
            return Files.writeString(file, raw);
        }
        ObjectNode root = (ObjectNode) JSON.readTree(BASE);
        String[] path = field.split("\\.");
        JsonNode parent = root;
        for (int i = 0; i < path.length - 1; i++) {
            parent = step(parent, path[i]);
        }
        String last = path[path.length - 1];
        JsonNode replacement = value.equals("<absent>") ? null : JSON.readTree(value);
        if (last.endsWith("]")) {
            ArrayNode list = (ArrayNode) step(parent, last.substring(0, last.indexOf('[')));
            int index = Integer.parseInt(last.substring(last.indexOf('[') + 1, last.length() - 1));
            list.set(index, replacement);
        } else if (replacement == null) {
            ((ObjectNode) parent).remove(last);
        } else {
            ((ObjectNode) parent).set(last, replacement);
        }
        return Files.writeString(file, JSON.writeValueAsString(root));
    }

    /** {@code name} or {@code name[i]} below {@code node}. */
    private static JsonNode step(JsonNode node, String segment) {
        int bracket = segment.indexOf('[');
        if (bracket < 0) {
            return node.get(segment);
        }
        int index = Integer.parseInt(segment.substring(bracket + 1, segment.length() - 1));
        return node.get(segment.substring(0, bracket)).get(index);
    }

    /** Runs {@code args}, checks the one line, the exit code and that nothing started; the line. */
    private static String refused(String[] args, String message) {
        Result result = assertTimeoutPreemptively(BOUND, () -> cutcheck(args),
                () -> "cutcheck " + String.join(" ", args) + " did not answer within " + BOUND + ": a run started?");
        String described = "cutcheck " + String.join(" ", args) + "\nstderr: " + result.err() + "\nstdout: " + result.out();
        assertThat(result.exitCode()).as(described).isEqualTo(2);
        assertThat(result.err()).as(described).endsWith(System.lineSeparator());
        String line = result.err().strip();
        assertThat(line).as(described).isNotEmpty().doesNotContain("\n", "\r").startsWith("cutcheck: ").contains(message);
        assertThat(result.err()).as(described).doesNotContain("Exception", "\tat ", "com.fasterxml", "[Source:",
                "reference chain");
        // a run, the matrix and the kit each announce themselves on standard output first
        assertThat(result.out()).as("standard output of " + described).isEmpty();
        assertThat(runFiles()).as("run files after " + described).isEmpty();
        assertThat(children()).as("child processes after " + described).isSubsetOf(children);
        return line;
    }

    private static List<Path> runFiles() {
        if (!Files.isDirectory(runDir)) {
            return List.of();
        }
        try (var files = Files.list(runDir)) {
            return files.toList();
        } catch (IOException e) {
            throw new AssertionError("cannot list " + runDir, e);
        }
    }

    private static Set<Long> children() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).map(ProcessHandle::pid)
                .collect(Collectors.toSet());
    }

    @Test
    void theBaseDescriptorIsValidSoEachRowBreaksOneThing() {
        TestSpec spec = new SpecBuilder().systemFile(Path.of(placeholders.get("{good}"))).nemesis(List.of("none"))
                .store(dir.resolve("store")).build();
        assertThat(spec.system()).isEqualTo("mini");
        assertThat(spec.nodes()).isEqualTo(1);
    }

    @Test
    void everySubcommandWritesToTheWritersSetOnTheRoot() {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text, true);
        PrintWriter err = new PrintWriter(new StringWriter(), true);
        CommandLine cli = CutcheckCommand.commandLine();
        cli.setOut(out);
        cli.setErr(err);
        assertThat(cli.getSubcommands()).containsKeys("test", "demo", "analyze", "self-check", "conform", "defects",
                "toxiproxy");
        cli.getSubcommands().values().forEach(sub -> {
            assertThat(sub.getOut()).as(sub.getCommandName()).isSameAs(out);
            assertThat(sub.getErr()).as(sub.getCommandName()).isSameAs(err);
        });
        assertThat(cli.execute()).isZero();
        assertThat(text.toString()).as("usage without a subcommand").contains("Usage: cutcheck");
    }
}
