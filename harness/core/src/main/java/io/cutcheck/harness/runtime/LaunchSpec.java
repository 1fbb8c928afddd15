package io.cutcheck.harness.runtime;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Everything a runtime needs to start one node: the command (the SUT protocol's launch command,
 * to which the runtime appends {@code --node-config <file>}), the node-config document, and the
 * node's directory in the store (data directory and log file live below it).
 */
public record LaunchSpec(NodeAddress address, String role, List<String> command, byte[] nodeConfig, Path nodeDir) {
    public LaunchSpec {
        Objects.requireNonNull(address, "address");
        command = List.copyOf(command);
        nodeConfig = nodeConfig.clone();
    }

    public String node() {
        return address.node();
    }

    @Override
    public byte[] nodeConfig() {
        return nodeConfig.clone();
    }
}
