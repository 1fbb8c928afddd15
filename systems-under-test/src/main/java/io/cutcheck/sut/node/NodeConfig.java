package io.cutcheck.sut.node;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The node-config file of PROTOCOL.md section 1, as an immutable value.
 * {@code nodes} is sorted by node name, so every node sees the same peer order.
 */
public record NodeConfig(
        int protocol,
        String system,
        String node,
        String role,
        int index,
        String bindHost,
        int controlPort,
        int dataPort,
        Path dataDir,
        String inputLog,
        String outputStore,
        Map<String, PeerAddress> nodes,
        CheckpointSettings checkpoint,
        Optional<String> defect,
        Map<String, JsonNode> options) {

    public static final int PROTOCOL_VERSION = 1;

    public NodeConfig {
        require(protocol == PROTOCOL_VERSION, "unsupported protocol " + protocol + " (this node speaks 1)");
        require(system != null && !system.isBlank(), "missing field: system");
        require(node != null && !node.isBlank(), "missing field: node");
        require(role != null && !role.isBlank(), "missing field: role");
        require(bindHost != null && !bindHost.isBlank(), "missing field: bindHost");
        require(controlPort > 0 && controlPort < 65536, "controlPort must be a TCP port");
        require(dataPort >= 0 && dataPort < 65536, "dataPort must be a TCP port");
        require(dataDir != null, "missing field: dataDir");
        nodes = java.util.Collections.unmodifiableMap(new TreeMap<>(nodes == null ? Map.of() : nodes));
        require(nodes.containsKey(node), "nodes does not list this node (" + node + ")");
        checkpoint = checkpoint == null ? CheckpointSettings.DEFAULT : checkpoint;
        defect = defect == null ? Optional.empty() : defect;
        options = Map.copyOf(options == null ? Map.of() : options);
    }

    /** The peers with this role, ordered by index. */
    public List<Map.Entry<String, PeerAddress>> peers(String peerRole) {
        return nodes.entrySet().stream()
                .filter(e -> e.getValue().role().equals(peerRole))
                .sorted(java.util.Comparator.comparingInt(e -> e.getValue().index()))
                .toList();
    }

    public long longOption(String name, long fallback) {
        JsonNode value = options.get(name);
        if (value == null || value.isNull()) {
            return fallback;
        }
        require(value.canConvertToLong(), "option " + name + " must be an integer");
        return value.asLong();
    }

    public boolean hasDefect(String name) {
        return defect.filter(name::equals).isPresent();
    }

    static void require(boolean condition, String message) {
        if (!condition) {
            throw new BadConfigException(message);
        }
    }
}
