package io.cutcheck.nemesis.network;

import io.cutcheck.harness.runtime.LaunchSpec;
import io.cutcheck.harness.runtime.Node;
import io.cutcheck.harness.runtime.NodeAddress;
import io.cutcheck.harness.runtime.Runtime;
import java.util.List;

/** A runtime whose "nodes" are test listeners on loopback: it only says where hosts are. */
final class LoopbackRuntime implements Runtime {

    @Override
    public String name() {
        return "loopback";
    }

    @Override
    public NodeAddress reserve(String node, String role) {
        throw new UnsupportedOperationException("the test makes its own listeners");
    }

    @Override
    public Node start(LaunchSpec spec) {
        throw new UnsupportedOperationException("the test starts no processes");
    }

    @Override
    public List<Node> nodes() {
        return List.of();
    }

    @Override
    public String harnessHostForNodes() {
        return "127.0.0.1";
    }

    @Override
    public void close() {
    }
}
