package io.cutcheck.sut.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cutcheck.sut.http.ProtocolJson;
import io.cutcheck.sut.http.JsonHttpClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs the barrier system on loopback as real processes of cutcheck-sut.jar: the input log, the output
 * store and every node, each with its own node-config file, data directory and log. Used by the
 * integration tests and the benchmark; {@link #close} kills everything it started.
 */
public final class LocalCluster implements AutoCloseable {

    /** Shape of the job and how it checkpoints; {@code optionsByRole} is keyed by role, or by node name to override. */
    public record Spec(int sources, int operators, int sinks, long intervalMs, long everyRecords, long timeoutMs,
                       Optional<String> defect, Map<String, Map<String, Object>> optionsByRole, List<String> jvmOptions) {
        public Spec {
            optionsByRole = Map.copyOf(optionsByRole);
            jvmOptions = List.copyOf(jvmOptions);
        }
    }

    private final Path jar;
    private final Path dir;
    private final Spec spec;
    private final Map<String, Integer> controlPorts = new LinkedHashMap<>();
    private final Map<String, Integer> dataPorts = new LinkedHashMap<>();
    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final List<Process> services = new ArrayList<>();
    private final int inputPort = LoopbackPorts.next();
    private final int outputPort = LoopbackPorts.next();

    public LocalCluster(Path jar, Path dir, Spec spec) {
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "local-cluster-cleanup"));
        this.jar = jar;
        this.dir = dir;
        this.spec = spec;
        add("coordinator");
        for (int i = 0; i < spec.sources(); i++) {
            add("source-" + i);
        }
        for (int i = 0; i < spec.operators(); i++) {
            add("operator-" + i);
        }
        for (int i = 0; i < spec.sinks(); i++) {
            add("sink-" + i);
        }
    }

    private void add(String node) {
        controlPorts.put(node, LoopbackPorts.next());
        dataPorts.put(node, LoopbackPorts.next());
    }

    public List<String> nodes() {
        return List.copyOf(controlPorts.keySet());
    }

    public JsonHttpClient inputLog() {
        return new JsonHttpClient("http://127.0.0.1:" + inputPort);
    }

    public JsonHttpClient outputStore() {
        return new JsonHttpClient("http://127.0.0.1:" + outputPort);
    }

    public JsonHttpClient control(String node) {
        return new JsonHttpClient("http://127.0.0.1:" + controlPorts.get(node));
    }

    public LocalCluster startServices() throws IOException {
        services.add(spawn("input-log", List.of("input-log", "--host", "127.0.0.1", "--port", String.valueOf(inputPort),
                "--partitions", String.valueOf(spec.sources())), "-Xmx768m"));
        services.add(spawn("output-store", List.of("output-store", "--host", "127.0.0.1", "--port",
                String.valueOf(outputPort)), "-Xmx768m"));
        awaitHttp(inputLog(), "/partitions");
        awaitHttp(outputStore(), "/stats");
        return this;
    }

    public LocalCluster startNodes() throws IOException {
        for (String node : nodes()) {
            start(node);
        }
        for (String node : nodes()) {
            try {
                awaitHttp(control(node), "/health");
            } catch (IOException e) {
                throw new IOException(node + ": " + e.getMessage() + diagnosis(node), e);
            }
        }
        return this;
    }

    public void start(String node) throws IOException {
        Path config = dir.resolve(node + ".json");
        Files.writeString(config,
                ProtocolJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(config(node)));
        processes.put(node, spawn(node, List.of("--node-config", config.toString()), "-Xmx256m"));
    }

    /** kill -9. */
    public void kill(String node) throws InterruptedException {
        Process p = processes.get(node);
        if (p != null) {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** kill -STOP: the process stays, silent, holding its connections. */
    public void pause(String node) throws IOException, InterruptedException {
        signal(node, "-STOP");
    }

    /** kill -CONT. */
    public void resume(String node) throws IOException, InterruptedException {
        signal(node, "-CONT");
    }

    private void signal(String node, String signal) throws IOException, InterruptedException {
        Process p = processes.get(node);
        if (p != null && p.isAlive()) {
            new ProcessBuilder("kill", signal, String.valueOf(p.pid())).inheritIO().start().waitFor();
        }
    }

    public boolean alive(String node) {
        Process p = processes.get(node);
        return p != null && p.isAlive();
    }

    public Path dataDir(String node) {
        return dir.resolve(node).resolve("data");
    }

    private ObjectNode config(String node) {
        String role = node.contains("-") ? node.substring(0, node.indexOf('-')) : node;
        ObjectNode c = ProtocolJson.MAPPER.createObjectNode();
        c.put("protocol", 1).put("system", "barrier").put("node", node).put("role", role)
                .put("index", index(node)).put("bindHost", "127.0.0.1")
                .put("controlPort", controlPorts.get(node)).put("dataPort", dataPorts.get(node))
                .put("dataDir", dataDir(node).toAbsolutePath().toString())
                .put("inputLog", "http://127.0.0.1:" + inputPort).put("outputStore", "http://127.0.0.1:" + outputPort);
        ObjectNode nodes = c.putObject("nodes");
        for (String peer : nodes()) {
            String peerRole = peer.contains("-") ? peer.substring(0, peer.indexOf('-')) : peer;
            nodes.putObject(peer).put("role", peerRole).put("index", index(peer)).put("host", "127.0.0.1")
                    .put("controlPort", controlPorts.get(peer)).put("dataPort", dataPorts.get(peer));
        }
        c.putObject("checkpoint").put("intervalMs", spec.intervalMs()).put("everyRecords", spec.everyRecords())
                .put("timeoutMs", spec.timeoutMs()).put("retain", 3);
        if (spec.defect().isPresent()) {
            c.put("defect", spec.defect().get());
        } else {
            c.putNull("defect");
        }
        Map<String, Object> options = new LinkedHashMap<>(spec.optionsByRole().getOrDefault(role, Map.of()));
        options.putAll(spec.optionsByRole().getOrDefault(node, Map.of()));
        c.set("options", ProtocolJson.MAPPER.valueToTree(options));
        return c;
    }

    private static int index(String node) {
        return node.contains("-") ? Integer.parseInt(node.substring(node.indexOf('-') + 1)) : 0;
    }

    private Process spawn(String name, List<String> args, String heap) throws IOException {
        Files.createDirectories(dir);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                heap, "-XX:+UseSerialGC"));
        command.addAll(spec.jvmOptions());
        command.addAll(List.of("-jar", jar.toString()));
        command.addAll(args);
        Path log = dir.resolve(name + ".log");
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    /** Whether the node's process still runs, and the end of its log: why it never answered. */
    private String diagnosis(String node) {
        Process p = processes.get(node);
        String state = p.isAlive() ? "; the process runs" : "; the process exited with " + p.exitValue();
        try {
            List<String> lines = Files.readAllLines(dir.resolve(node + ".log"));
            return state + "; log tail:\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return state + "; no log";
        }
    }

    private static void awaitHttp(JsonHttpClient client, String path) throws IOException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            try {
                if (client.get(path).ok()) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
        throw new IOException("no answer on " + path + " within 30 s");
    }

    @Override
    public void close() {
        List<Process> all = new ArrayList<>(processes.values());
        all.addAll(services);
        all.forEach(Process::destroyForcibly);
        for (Process p : all) {
            try {
                p.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
