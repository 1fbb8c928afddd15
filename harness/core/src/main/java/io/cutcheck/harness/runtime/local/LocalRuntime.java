package io.cutcheck.harness.runtime.local;

import io.cutcheck.harness.cleanup.RunFile;
import io.cutcheck.harness.runtime.LaunchSpec;
import io.cutcheck.harness.runtime.Node;
import io.cutcheck.harness.runtime.NodeAddress;
import io.cutcheck.harness.runtime.Runtime;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs every node as an OS process on this host, bound to the loopback interface on ports the
 * OS reports free. Each process is written to the harness's {@link RunFile} as it starts.
 */
public final class LocalRuntime implements Runtime {

    private static final String HOST = "127.0.0.1";

    private final RunFile runFile;
    private final FreePorts ports = new FreePorts();
    private final List<LocalNode> nodes = new ArrayList<>();
    private boolean closed;

    public LocalRuntime(RunFile runFile) {
        this.runFile = runFile;
    }

    @Override
    public String name() {
        return "local";
    }

    @Override
    public NodeAddress reserve(String node, String role) throws IOException {
        return new NodeAddress(node, HOST, ports.next(HOST), ports.next(HOST), HOST);
    }

    @Override
    public synchronized Node start(LaunchSpec spec) throws IOException {
        if (closed) {
            throw new IllegalStateException("the local runtime is closed");
        }
        LocalNode node = new LocalNode(spec, runFile);
        nodes.add(node);
        node.launch();
        return node;
    }

    @Override
    public synchronized List<Node> nodes() {
        return List.copyOf(nodes);
    }

    @Override
    public String harnessHostForNodes() {
        return HOST;
    }

    /** Pids of the nodes' current processes, for tests that check nothing is left behind. */
    public synchronized List<Long> pids() {
        return nodes.stream().map(LocalNode::pid).filter(p -> p > 0).toList();
    }

    @Override
    public synchronized void close() {
        closed = true;
        for (LocalNode node : nodes) {
            try {
                node.kill();
            } catch (RuntimeException e) {
                // keep stopping the others; a node that survives is killed by the next start's reaper
            }
        }
    }
}
