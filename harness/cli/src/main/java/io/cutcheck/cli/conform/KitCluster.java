package io.cutcheck.cli.conform;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutcheck.harness.cleanup.RunFile;
import io.cutcheck.harness.runtime.LaunchSpec;
import io.cutcheck.harness.runtime.Node;
import io.cutcheck.harness.runtime.NodeAddress;
import io.cutcheck.harness.runtime.local.LocalRuntime;
import io.cutcheck.harness.services.Services;
import io.cutcheck.harness.spec.CheckpointTriggers;
import io.cutcheck.harness.system.NodeConfigWriter;
import io.cutcheck.harness.system.NodeSlot;
import io.cutcheck.harness.system.SystemDefinition;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one system the kit runs most rules against, without faults: the harness's input log and
 * output store, then every node on the local runtime with a node-config file as a test run writes
 * it. Nodes are named by their slots; each counts its restarts ({@link #generation}) so that
 * observations made before and after a restart are never mixed. Closing stops every process.
 */
final class KitCluster implements AutoCloseable {

    /** A node of the layout and where the kit reaches it. */
    record Member(String name, String role, int index, URI control, boolean committer) {}

    private final SystemDefinition system;
    private final List<NodeSlot> slots;
    private final String committer;
    private final LocalRuntime runtime;
    private final Services services = new Services();
    private volatile URI inputLog;
    private volatile URI outputStore;
    private final Map<String, Member> members = new LinkedHashMap<>();
    private final Map<String, Node> nodes = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> generations = new ConcurrentHashMap<>();
    private volatile boolean closed;

    KitCluster(SystemDefinition system, List<NodeSlot> slots, RunFile runFile) {
        this.system = system;
        this.slots = List.copyOf(slots);
        this.committer = system.committer(slots);
        this.runtime = runFile == null ? null : new LocalRuntime(runFile);
    }

    /** Nodes and services that run elsewhere (test doubles): nothing is started, killed or stopped. */
    static KitCluster of(SystemDefinition system, List<Member> members, URI inputLog, URI outputStore) {
        List<NodeSlot> slots = members.stream().map(m -> new NodeSlot(m.name(), m.role(), m.index())).toList();
        KitCluster cluster = new KitCluster(system, slots, null);
        for (Member m : members) {
            cluster.members.put(m.name(), m);
            cluster.generations.put(m.name(), new AtomicInteger());
        }
        cluster.inputLog = inputLog;
        cluster.outputStore = outputStore;
        return cluster;
    }

    /** Starts the services, then every node; returns once every node's process exists. */
    void start(Path dir, int partitions, CheckpointTriggers triggers, Map<String, JsonNode> options, Path sutJar,
               RunFile runFile) throws IOException {
        Map<String, NodeAddress> addresses = new LinkedHashMap<>();
        for (NodeSlot slot : slots) {
            NodeAddress address = runtime.reserve(slot.node(), slot.role());
            addresses.put(slot.node(), address);
            members.put(slot.node(), new Member(slot.node(), slot.role(), slot.index(),
                    URI.create("http://" + address.bindHost() + ":" + address.controlPort()),
                    slot.node().equals(committer)));
            generations.put(slot.node(), new AtomicInteger());
        }
        services.start(sutJar, runtime.servicesBindHost(), runtime.harnessHostForNodes(), partitions,
                dir.resolve("services"), runFile);
        inputLog = services.inputLog();
        outputStore = services.outputStore();
        List<LaunchSpec> launches = new ArrayList<>();
        for (NodeSlot slot : slots) {
            Path nodeDir = dir.resolve("nodes").resolve(slot.node());
            byte[] config = NodeConfigWriter.write(system.name(), slot, slots, addresses, nodeDir.resolve("data"),
                    services.inputLogForNodes(), services.outputStoreForNodes(), triggers, null, options);
            launches.add(new LaunchSpec(addresses.get(slot.node()), slot.role(), system.command(), config, nodeDir));
        }
        for (LaunchSpec launch : launches) {
            synchronized (this) {
                if (closed) {
                    throw new IOException("stopped before " + launch.node() + " started");
                }
                nodes.put(launch.node(), runtime.start(launch));
            }
        }
    }

    List<Member> members() {
        return List.copyOf(members.values());
    }

    Member member(String name) {
        return members.get(name);
    }

    Member committer() {
        return members.get(committer);
    }

    SystemDefinition system() {
        return system;
    }

    URI inputLog() {
        return inputLog;
    }

    URI outputStore() {
        return outputStore;
    }

    boolean alive(String node) {
        Node n = nodes.get(node);
        return n != null && n.isAlive();
    }

    Path log(String node) {
        Node n = nodes.get(node);
        return n == null ? null : n.logFile();
    }

    /** How often the kit restarted {@code node}: observations are tagged with it. */
    int generation(String node) {
        return generations.get(node).get();
    }

    /** Kills every node of {@code names} with SIGKILL, then starts each again with the same file. */
    void killAndRestart(List<String> names) {
        for (String name : names) {
            generations.get(name).incrementAndGet();
            nodes.get(name).kill();
        }
        for (String name : names) {
            nodes.get(name).restart();
        }
    }

    /** Null once every node is running, else why not (a failed start: the kit cannot go on). */
    String awaitRunning(Waits waits) {
        boolean[] exited = {false};
        long took = waits.until("every node to be running", Duration.ofSeconds(RestoreChecks.RUNNING_SECONDS), 200,
                () -> {
                    // a node that exited during set-up never gets there: nobody restarts it
                    exited[0] = members().stream().anyMatch(m -> !alive(m.name()));
                    return exited[0] || members().stream().allMatch(m -> {
                        JsonNode h = Http.get(m.control(), "/health").json();
                        return h != null && "running".equals(h.path("status").asText());
                    });
                });
        if (took >= 0 && !exited[0]) {
            return null;
        }
        List<String> why = new ArrayList<>();
        for (KitCluster.Member m : members()) {
            Http.Call h = Http.get(m.control(), "/health");
            if (h.json() == null || !"running".equals(h.json().path("status").asText())) {
                why.add(m.name() + ": " + (!alive(m.name()) ? "process exited, see " + log(m.name())
                        : h.json() != null ? "status " + h.json().path("status").asText() : h.describe()));
            }
        }
        return (exited[0] ? "nodes not running: " : "nodes not running after " + RestoreChecks.RUNNING_SECONDS + " s: ")
                + String.join("; ", why);
    }

    /** Stops the nodes, then the services; idempotent, safe from a shutdown hook. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        try {
            if (runtime != null) {
                runtime.close();
            }
        } finally {
            services.close();
        }
    }
}
