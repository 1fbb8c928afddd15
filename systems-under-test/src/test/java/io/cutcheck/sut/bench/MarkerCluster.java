package io.cutcheck.sut.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutcheck.sut.http.ProtocolJson;
import io.cutcheck.sut.http.JsonHttpClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the marker system on loopback as real processes of cutcheck-sut.jar: the input log and N
 * peers, each with its own node-config file, data directory and log. Used by the marker ITs and
 * {@link MarkerBench}; {@link #close()} kills everything it started.
 */
public final class MarkerCluster implements AutoCloseable {
    /** The shaded jar of this module, as the ITs find it after {@code mvn package}. */
    public static final Path JAR = Path.of(System.getProperty("basedir", "."), "target", "cutcheck-sut.jar");

    private final Path jar;

    private final Path dir;
    private final int peers;
    private final String defect;
    private final int[] intervalsMs;
    private final int accounts;
    private final long initialBalance;
    private final int inputPort;
    private final int[] controlPorts;
    private final int[] dataPorts;
    private final Process[] processes;
    private final List<Process> everything = new ArrayList<>();
    private final JsonHttpClient input;
    private final List<DelayProxy> proxies = new ArrayList<>();
    private int[][] dialPorts;
    private long linkDelayMs;

    /** A fresh directory under {@code target/marker-it/} for one test's configs, data and logs (kept for reading). */
    public static Path freshDir(String name) throws IOException {
        Path dir = Path.of(System.getProperty("basedir", "."), "target", "marker-it", name);
        if (Files.exists(dir)) {
            try (var files = Files.walk(dir)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        return Files.createDirectories(dir);
    }

    /** @param intervalsMs per peer, its snapshot interval (0: it never initiates on its own) */
    public MarkerCluster(Path jar, Path dir, int peers, String defect, int[] intervalsMs, int accounts,
                         long initialBalance) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run mvn package first");
        }
        this.jar = jar;
        this.dir = dir;
        this.peers = peers;
        this.defect = defect;
        this.intervalsMs = intervalsMs.clone();
        this.accounts = accounts;
        this.initialBalance = initialBalance;
        this.inputPort = LoopbackPorts.next();
        this.controlPorts = new int[peers];
        this.dataPorts = new int[peers];
        this.processes = new Process[peers];
        for (int i = 0; i < peers; i++) {
            controlPorts[i] = LoopbackPorts.next();
            dataPorts[i] = LoopbackPorts.next();
        }
        this.input = new JsonHttpClient("http://127.0.0.1:" + inputPort);
    }

    /**
     * Routes every directed data link through a {@link DelayProxy} of {@code delayMs}, as the
     * harness routes links through its proxies. Call before {@link #startPeers()}.
     */
    public MarkerCluster withLinkDelay(long delayMs) {
        this.linkDelayMs = delayMs;
        return this;
    }

    public MarkerCluster start() throws Exception {
        return startInputLog().startPeers();
    }

    public MarkerCluster startInputLog() throws Exception {
        everything.add(launch("input-log", List.of("input-log", "--host", "127.0.0.1", "--port",
                String.valueOf(inputPort), "--partitions", String.valueOf(peers))));
        await("input log up", Duration.ofSeconds(20), () -> get(input, "/partitions") != null);
        return this;
    }

    public MarkerCluster startPeers() throws Exception {
        dialPorts = new int[peers][peers];
        for (int i = 0; i < peers; i++) {
            for (int j = 0; j < peers; j++) {
                dialPorts[i][j] = dataPorts[j];
                if (linkDelayMs > 0 && i != j) {
                    DelayProxy proxy = new DelayProxy(new java.net.InetSocketAddress("127.0.0.1", dataPorts[j]), linkDelayMs);
                    proxies.add(proxy);
                    dialPorts[i][j] = proxy.port();
                }
            }
        }
        for (int i = 0; i < peers; i++) {
            writeConfig(i);
            startPeer(i);
        }
        awaitRunning(Duration.ofSeconds(40));
        return this;
    }

    public void startPeer(int i) throws IOException {
        processes[i] = launch("peer-" + i, List.of("--node-config", dir.resolve("peer-" + i + ".json").toString()));
        everything.add(processes[i]);
    }

    public void kill9(int i) throws InterruptedException {
        processes[i].destroyForcibly();
        processes[i].waitFor(10, TimeUnit.SECONDS);
    }

    public void signal(int i, String signal) throws Exception {
        new ProcessBuilder("kill", "-" + signal, String.valueOf(processes[i].pid())).start().waitFor();
    }

    public void append(int partition, List<Map<String, Object>> records) throws IOException {
        JsonHttpClient.Response r = input.post("/partitions/" + partition + "/records", records);
        if (!r.ok()) {
            throw new IOException("append answered " + r.status());
        }
    }

    public JsonHttpClient control(int i) {
        return new JsonHttpClient("http://127.0.0.1:" + controlPorts[i]);
    }

    /** GET a peer's endpoint as JSON; null when unreachable or not 2xx. */
    public JsonNode get(int i, String path) {
        return get(control(i), path);
    }

    public static JsonNode get(JsonHttpClient client, String path) {
        try {
            JsonHttpClient.Response r = client.get(path);
            return r.ok() ? r.json() : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    public void awaitRunning(Duration timeout) throws Exception {
        await("every peer running", timeout, () -> {
            for (int i = 0; i < peers; i++) {
                JsonNode h = get(i, "/health");
                if (h == null || !h.path("status").asText().equals("running")) {
                    return false;
                }
            }
            return true;
        });
    }

    public interface Condition {
        boolean holds() throws Exception;
    }

    public static void await(String what, Duration timeout, Condition condition) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(100);
        }
    }

    private void writeConfig(int i) throws IOException {
        Map<String, Object> nodes = new LinkedHashMap<>();
        for (int j = 0; j < peers; j++) {
            nodes.put("peer-" + j, Map.of("role", "peer", "index", j, "host", "127.0.0.1",
                    "controlPort", controlPorts[j], "dataPort", dialPorts[i][j]));
        }
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("protocol", 1);
        config.put("system", "marker");
        config.put("node", "peer-" + i);
        config.put("role", "peer");
        config.put("index", i);
        config.put("bindHost", "127.0.0.1");
        config.put("controlPort", controlPorts[i]);
        config.put("dataPort", dataPorts[i]);
        config.put("dataDir", dir.resolve("data").resolve("peer-" + i).toString());
        config.put("inputLog", "http://127.0.0.1:" + inputPort);
        config.put("outputStore", null);
        config.put("nodes", nodes);
        config.put("checkpoint", Map.of("intervalMs", intervalsMs[i], "everyRecords", 0, "timeoutMs", 5000, "retain", 50));
        config.put("defect", defect);
        config.put("options", Map.of("accounts", accounts, "initialBalance", initialBalance));
        Files.write(dir.resolve("peer-" + i + ".json"), ProtocolJson.MAPPER.writeValueAsBytes(config));
    }

    private Process launch(String name, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-jar", jar.toString()));
        command.addAll(args);
        Path log = dir.resolve(name + ".log");
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    public Path dir() {
        return dir;
    }

    public int peers() {
        return peers;
    }

    @Override
    public void close() {
        proxies.forEach(DelayProxy::close);
        for (Process p : everything) {
            p.destroyForcibly();
        }
        for (Process p : everything) {
            try {
                p.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
