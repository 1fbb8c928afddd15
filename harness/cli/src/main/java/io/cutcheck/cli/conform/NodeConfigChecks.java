package io.cutcheck.cli.conform;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cutcheck.harness.cleanup.RunFile;
import io.cutcheck.harness.runtime.NodeAddress;
import io.cutcheck.harness.runtime.local.FreePorts;
import io.cutcheck.harness.spec.CheckpointTriggers;
import io.cutcheck.harness.system.NodeConfigWriter;
import io.cutcheck.harness.system.NodeSlot;
import io.cutcheck.harness.system.SystemDefinition;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Section 1: a node that cannot use its node-config file prints one line on stderr and exits
 * with status 2, so that set-up fails with the node's own reason instead of a 60 s wait. The kit
 * starts the system's command itself, as a runtime would, with a file that is not JSON, one that
 * lacks {@code controlPort}, and ones with {@code protocol} 2 or a role the system does not have
 * (not an unknown {@code defect}: a third-party system may ignore that field), and waits a
 * bounded time for each exit.
 *
 * <p>Every address in these files is a fresh free port nothing listens on, input log and output
 * store included, so a node that wrongly starts anyway can neither disturb the kit's running system
 * nor take its ports; it is killed when the wait ends. Lines the Java launcher itself prints
 * ({@code Picked up JAVA_TOOL_OPTIONS…}) are not the node's and are not counted.
 */
final class NodeConfigChecks implements AutoCloseable {

    static final long EXIT_WAIT_SECONDS = 20;
    static final String MISSING_FIELD = "controlPort";

    private final SystemDefinition system;
    private final List<NodeSlot> slots;
    private final Path dir;
    private final RunFile runFile;
    private final long exitWaitSeconds;
    private final List<Process> started = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    NodeConfigChecks(SystemDefinition system, List<NodeSlot> slots, Path dir, RunFile runFile) {
        this(system, slots, dir, runFile, EXIT_WAIT_SECONDS);
    }

    NodeConfigChecks(SystemDefinition system, List<NodeSlot> slots, Path dir, RunFile runFile, long exitWaitSeconds) {
        this.system = system;
        this.slots = List.copyOf(slots);
        this.dir = dir;
        this.runFile = runFile;
        this.exitWaitSeconds = exitWaitSeconds;
    }

    Outcome notJson() {
        return check(Rules.CONFIG_NOT_JSON, "not-json", "this is not JSON {\"protocol\": 1,\n"
                .getBytes(StandardCharsets.UTF_8));
    }

    Outcome missingField() throws IOException {
        ObjectNode config = (ObjectNode) Http.JSON.readTree(validConfig(dir.resolve("missing-field")));
        config.remove(MISSING_FIELD);
        return check(Rules.CONFIG_MISSING_FIELD, "missing-field", Http.JSON.writerWithDefaultPrettyPrinter()
                .writeValueAsBytes(config));
    }

    /** Protocol 2, and a role the system does not have: both must be refused. */
    Outcome unknownValues() throws IOException {
        ObjectNode protocol = (ObjectNode) Http.JSON.readTree(validConfig(dir.resolve("protocol-2")));
        protocol.put("protocol", 2);
        ObjectNode role = (ObjectNode) Http.JSON.readTree(validConfig(dir.resolve("unknown-role")));
        role.put("role", "cutcheck-no-such-role");
        ((ObjectNode) role.path("nodes").path(role.path("node").asText())).put("role", "cutcheck-no-such-role");
        var first = Parallel.start(() -> check(Rules.CONFIG_UNKNOWN, "protocol-2", bytes(protocol)));
        Outcome second = check(Rules.CONFIG_UNKNOWN, "unknown-role", bytes(role));
        Outcome one = first.join();
        for (Outcome o : java.util.List.of(one, second)) {
            if (o.verdict() != Verdict.PASS) {
                return o;
            }
        }
        return Outcome.pass(Rules.CONFIG_UNKNOWN, "both exit 2; " + second.note().replaceFirst("^exit 2 after [0-9.]+ s: ", ""));
    }

    private static byte[] bytes(ObjectNode config) {
        try {
            return Http.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(config);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A correct file for the committing node's slot, every address in it a free port. */
    private byte[] validConfig(Path caseDir) throws IOException {
        FreePorts ports = new FreePorts();
        Map<String, NodeAddress> addresses = new LinkedHashMap<>();
        for (NodeSlot slot : slots) {
            addresses.put(slot.node(), new NodeAddress(slot.node(), "127.0.0.1", ports.next("127.0.0.1"),
                    ports.next("127.0.0.1"), "127.0.0.1"));
        }
        NodeSlot self = slots.stream().filter(s -> s.node().equals(system.committer(slots))).findFirst().orElseThrow();
        URI nowhere = URI.create("http://127.0.0.1:" + ports.next("127.0.0.1"));
        return NodeConfigWriter.write(system.name(), self, slots, addresses, caseDir.resolve("data"), nowhere, nowhere,
                CheckpointTriggers.defaults(), null, Map.of());
    }

    private Outcome check(Rule rule, String name, byte[] content) {
        Path caseDir = dir.resolve(name);
        Path config = caseDir.resolve("node-config.json").toAbsolutePath();
        List<String> command = new ArrayList<>(system.command());
        command.addAll(List.of("--node-config", config.toString()));
        String shown = String.join(" ", command) + " (" + describe(name) + ")";
        try {
            Files.createDirectories(caseDir.resolve("data"));
            Files.write(config, content);
            Process p;
            synchronized (this) {
                if (closed) {
                    return Outcome.skip(rule, "stopped");
                }
                p = new ProcessBuilder(command).directory(caseDir.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                        .redirectOutput(caseDir.resolve("stdout.txt").toFile())
                        .redirectError(caseDir.resolve("stderr.txt").toFile())
                        .start();
                started.add(p);
                runFile.record(p.toHandle(), config.toString());
            }
            long begin = System.nanoTime();
            boolean exited = p.waitFor(exitWaitSeconds, TimeUnit.SECONDS);
            double seconds = (System.nanoTime() - begin) / 1e9;
            if (!exited) {
                stop(p);
            }
            List<String> lines = Files.readAllLines(caseDir.resolve("stderr.txt"), StandardCharsets.UTF_8).stream()
                    .filter(l -> !l.isBlank() && !l.startsWith("Picked up ")).toList();
            String stderr = lines.isEmpty() ? "nothing on stderr" : "stderr: " + String.join(" | ", lines.stream()
                    .limit(3).map(Http::clip).toList()) + (lines.size() > 3 ? " | …" : "");
            if (!exited) {
                return Outcome.fail(rule, "still running after " + exitWaitSeconds + " s (killed)",
                        shown + " → running after " + exitWaitSeconds + " s; " + stderr);
            }
            String result = shown + String.format(" → exit %d after %.1f s; %s", p.exitValue(), seconds, stderr);
            if (p.exitValue() != 2) {
                return Outcome.fail(rule, "exit status " + p.exitValue() + ", not 2", result);
            }
            if (lines.size() != 1) {
                return Outcome.fail(rule, lines.size() + " lines on stderr, not one", result);
            }
            return Outcome.pass(rule, String.format("exit 2 after %.1f s: %s", seconds, Report.clip(lines.get(0), 60)));
        } catch (IOException e) {
            return Outcome.fail(rule, "the command could not be started: " + e.getMessage(), shown);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.skip(rule, "interrupted");
        }
    }

    private static String describe(String name) {
        return switch (name) {
            case "not-json" -> "a file that is not JSON";
            case "protocol-2" -> "a file with protocol 2";
            case "unknown-role" -> "a file with role cutcheck-no-such-role";
            default -> "a file without \"" + MISSING_FIELD + "\"";
        };
    }

    private static void stop(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        try {
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Kills what is still running; safe from a shutdown hook. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        started.forEach(NodeConfigChecks::stop);
    }
}
