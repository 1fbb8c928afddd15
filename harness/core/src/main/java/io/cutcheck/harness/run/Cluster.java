package io.cutcheck.harness.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutcheck.harness.cleanup.RunFile;
import io.cutcheck.harness.nemesis.Fixture;
import io.cutcheck.harness.nemesis.FixtureSite;
import io.cutcheck.harness.nemesis.Nemesis;
import io.cutcheck.harness.runtime.LaunchSpec;
import io.cutcheck.harness.runtime.Node;
import io.cutcheck.harness.runtime.NodeAddress;
import io.cutcheck.harness.runtime.Runtime;
import io.cutcheck.harness.services.Services;
import io.cutcheck.harness.spec.TestSpec;
import io.cutcheck.harness.store.StoreLayout;
import io.cutcheck.harness.sut.NodeHealth;
import io.cutcheck.harness.sut.Reply;
import io.cutcheck.harness.sut.SutClient;
import io.cutcheck.harness.system.NodeConfigWriter;
import io.cutcheck.harness.system.NodeSlot;
import io.cutcheck.harness.system.SystemDefinition;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The system under test as started for one run: the services, then every node through the
 * runtime with its node-config file. Closing it stops every process it started.
 */
final class Cluster implements AutoCloseable {

    /** How long a node may answer {@code /health} against the protocol before set-up gives up. */
    static final Duration GARBLED_FOR = Duration.ofSeconds(5);

    private final Runtime runtime;
    private final List<NodeSlot> slots;
    private final String committer;
    private final Services services = new Services();
    private volatile Fixture fixture = Fixture.NONE;

    Cluster(Runtime runtime, List<NodeSlot> slots, String committer) {
        this.runtime = runtime;
        this.slots = List.copyOf(slots);
        this.committer = committer;
    }

    /**
     * Starts the services, the nemesis's fixture and every node; returns when each node's process
     * exists. Each node is configured with its peers and data directory as the fixture has them.
     */
    void start(SystemDefinition system, TestSpec spec, int partitions, Map<String, JsonNode> options,
               StoreLayout store, Path sutJar, RunFile runFile, Nemesis nemesis) throws Exception {
        Map<String, NodeAddress> addresses = new LinkedHashMap<>();
        for (NodeSlot slot : slots) {
            addresses.put(slot.node(), runtime.reserve(slot.node(), slot.role()));
        }
        services.start(sutJar, runtime.servicesBindHost(), runtime.harnessHostForNodes(), partitions,
                store.servicesDir(), runFile);
        fixture = nemesis.prepare(new FixtureSite(runtime, runFile, store.dir().resolve("fixture")));
        // Everything the fixture makes (a mount takes seconds under load) is ready before the first
        // node starts, so the nodes start together and none runs long alone.
        List<LaunchSpec> launches = new ArrayList<>();
        for (NodeSlot slot : slots) {
            Path nodeDir = store.nodeDir(slot.node());
            Map<String, NodeAddress> seen = new LinkedHashMap<>(fixture.peersSeenBy(slot.node(), addresses));
            seen.put(slot.node(), addresses.get(slot.node())); // a node binds its own address, whatever peers dial
            Path dataDir = fixture.dataDir(slot.node(), nodeDir.resolve("data"));
            byte[] config = NodeConfigWriter.write(system.name(), slot, slots, seen, dataDir,
                    services.inputLogForNodes(), services.outputStoreForNodes(), spec.checkpoint(), spec.defect(),
                    options);
            launches.add(new LaunchSpec(addresses.get(slot.node()), slot.role(), system.command(), config, nodeDir));
        }
        for (LaunchSpec launch : launches) {
            runtime.start(launch);
        }
    }

    /**
     * Waits until every node reports status running; throws naming the nodes that did not. Fails
     * at once when a node's process is gone (with its log's last line), and after
     * {@link #GARBLED_FOR} when a node answers {@code /health} with what is not the protocol's:
     * waiting longer would only delay the same verdict.
     */
    void awaitRunning(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, String> last = new LinkedHashMap<>();
        Map<String, Long> garbledSince = new HashMap<>();
        while (System.nanoTime() < deadline) {
            last.clear();
            for (Node node : runtime.nodes()) {
                if (!node.isAlive()) {
                    throw new IOException(node.name() + " exited before it was running: "
                            + NodeLog.lastLine(node.logFile()) + " (log: " + node.logFile() + ")");
                }
                Reply<NodeHealth> health = new SutClient(node.controlUri(), Duration.ofSeconds(1)).health();
                if (health.result().map(NodeHealth::running).orElse(false)) {
                    garbledSince.remove(node.name());
                    continue;
                }
                last.put(node.name(), health.result().map(h -> "status " + h.status()).orElse(health.describe()));
                if (health instanceof Reply.Failed<NodeHealth> f && f.failure() == Reply.Failure.ERROR) {
                    long since = garbledSince.computeIfAbsent(node.name(), n -> System.nanoTime());
                    if (System.nanoTime() - since > GARBLED_FOR.toNanos()) {
                        throw new IOException(node.name() + ": GET /health answered against the protocol for "
                                + GARBLED_FOR.toSeconds() + " s: " + health.describe());
                    }
                } else {
                    garbledSince.remove(node.name());
                }
            }
            if (last.isEmpty()) {
                return;
            }
            sleep(200);
        }
        throw new IOException("nodes not running after " + timeout.toSeconds() + " s: " + last);
    }

    Runtime runtime() {
        return runtime;
    }

    List<Node> nodes() {
        return runtime.nodes();
    }

    List<NodeSlot> slots() {
        return slots;
    }

    Node committerNode() {
        return runtime.nodes().stream().filter(n -> n.name().equals(committer)).findFirst().orElseThrow();
    }

    Services services() {
        return services;
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the nodes first, then takes the fixture away (proxies, mounts), then the services. */
    @Override
    public void close() {
        try {
            runtime.close();
        } finally {
            try {
                fixture.close();
            } finally {
                services.close();
            }
        }
    }
}
