package io.cutcheck.harness.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cutcheck.harness.runtime.NodeAddress;
import io.cutcheck.harness.spec.CheckpointTriggers;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes a node's configuration file (PROTOCOL.md section 1, protocol version 1). Every node
 * gets the addresses of every node as it must dial them; with the local runtime these are the
 * nodes' own addresses, or, under a network nemesis, one proxy per directed link (see Fixture).
 */
public final class NodeConfigWriter {

    public static final int PROTOCOL = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private NodeConfigWriter() {}

    /**
     * @param slots every node of the system
     * @param addresses node → its reserved address
     */
    public static byte[] write(String system, NodeSlot self, List<NodeSlot> slots, Map<String, NodeAddress> addresses,
                               Path dataDir, URI inputLog, URI outputStore, CheckpointTriggers checkpoint,
                               String defect, Map<String, JsonNode> options) {
        NodeAddress own = addresses.get(self.node());
        ObjectNode root = MAPPER.createObjectNode();
        root.put("protocol", PROTOCOL);
        root.put("system", system);
        root.put("node", self.node());
        root.put("role", self.role());
        root.put("index", self.index());
        root.put("bindHost", own.bindHost());
        root.put("controlPort", own.controlPort());
        root.put("dataPort", own.dataPort());
        root.put("dataDir", dataDir.toAbsolutePath().toString());
        root.put("inputLog", inputLog.toString());
        root.put("outputStore", outputStore.toString());
        ObjectNode nodes = root.putObject("nodes");
        for (NodeSlot slot : slots) {
            NodeAddress a = addresses.get(slot.node());
            ObjectNode n = nodes.putObject(slot.node());
            n.put("role", slot.role());
            n.put("index", slot.index());
            n.put("host", a.peerHost());
            n.put("controlPort", a.controlPort());
            n.put("dataPort", a.dataPort());
        }
        ObjectNode cp = root.putObject("checkpoint");
        cp.put("intervalMs", checkpoint.intervalMillis());
        cp.put("everyRecords", checkpoint.everyRecords());
        cp.put("timeoutMs", checkpoint.timeoutMillis());
        cp.put("retain", checkpoint.retain());
        if (defect == null) {
            root.putNull("defect");
        } else {
            root.put("defect", defect);
        }
        ObjectNode opts = root.putObject("options");
        options.forEach(opts::set);
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
