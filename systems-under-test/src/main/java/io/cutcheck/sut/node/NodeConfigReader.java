package io.cutcheck.sut.node;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.cutcheck.sut.http.ProtocolJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Reads a node-config file (PROTOCOL.md section 1); every problem becomes a one-line {@link BadConfigException}. */
public final class NodeConfigReader {
    private NodeConfigReader() {
    }

    public static NodeConfig read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new BadConfigException("cannot read node config " + file + ": " + e.getMessage());
        }
        return parse(text);
    }

    public static NodeConfig parse(String text) {
        JsonNode root;
        try {
            root = ProtocolJson.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new BadConfigException("node config is not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new BadConfigException("node config must be a JSON object");
        }
        Map<String, PeerAddress> nodes = new LinkedHashMap<>();
        root.path("nodes").fields().forEachRemaining(e -> nodes.put(e.getKey(), new PeerAddress(
                text(e.getValue(), "role"), e.getValue().path("index").asInt(0), text(e.getValue(), "host"),
                e.getValue().path("controlPort").asInt(0), e.getValue().path("dataPort").asInt(0))));
        JsonNode cp = root.path("checkpoint");
        CheckpointSettings settings = cp.isObject()
                ? new CheckpointSettings(cp.path("intervalMs").asLong(CheckpointSettings.DEFAULT.intervalMs()),
                        cp.path("everyRecords").asLong(0), cp.path("timeoutMs").asLong(CheckpointSettings.DEFAULT.timeoutMs()),
                        cp.path("retain").asInt(CheckpointSettings.DEFAULT.retain()))
                : CheckpointSettings.DEFAULT;
        Map<String, JsonNode> options = new LinkedHashMap<>();
        root.path("options").fields().forEachRemaining(e -> options.put(e.getKey(), e.getValue()));
        JsonNode defect = root.path("defect");
        String dataDir = text(root, "dataDir");
        if (dataDir == null) {
            throw new BadConfigException("missing field: dataDir");
        }
        return new NodeConfig(root.path("protocol").asInt(0), text(root, "system"), text(root, "node"),
                text(root, "role"), root.path("index").asInt(0), text(root, "bindHost"),
                root.path("controlPort").asInt(0), root.path("dataPort").asInt(0), Path.of(dataDir),
                text(root, "inputLog"), text(root, "outputStore"), nodes, settings,
                defect.isTextual() ? Optional.of(defect.asText()) : Optional.empty(), options);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
