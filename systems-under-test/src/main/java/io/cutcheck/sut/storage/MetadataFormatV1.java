package io.cutcheck.sut.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cutcheck.sut.http.ProtocolJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Metadata format version 1: a JSON object
 * {@code {"version":1,"id","reason","triggeredAt","acksCompleteAt","committedAt",
 * "parts":[{"node","file","sizeBytes","crc32c"}],"positions":{"0":offset}}}.
 */
final class MetadataFormatV1 {
    static final int VERSION = 1;

    private MetadataFormatV1() {
    }

    static byte[] write(CheckpointMetadata m) throws java.io.IOException {
        ObjectNode root = ProtocolJson.MAPPER.createObjectNode();
        root.put("version", VERSION).put("id", m.id()).put("reason", m.reason()).put("triggeredAt", m.triggeredAt())
                .put("acksCompleteAt", m.acksCompleteAt()).put("committedAt", m.committedAt());
        ArrayNode parts = root.putArray("parts");
        for (PartInfo p : m.parts()) {
            parts.addObject().put("node", p.node()).put("file", p.file()).put("sizeBytes", p.sizeBytes())
                    .put("crc32c", p.crc32c());
        }
        ObjectNode positions = root.putObject("positions");
        new TreeMap<>(m.positions()).forEach((partition, offset) -> positions.put(String.valueOf(partition), offset));
        return ProtocolJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
    }

    static CheckpointMetadata read(JsonNode root) {
        List<PartInfo> parts = new ArrayList<>();
        for (JsonNode p : root.path("parts")) {
            parts.add(new PartInfo(p.path("node").asText(), p.path("file").asText(), p.path("sizeBytes").asLong(),
                    p.path("crc32c").asLong()));
        }
        Map<Integer, Long> positions = new TreeMap<>();
        root.path("positions").fields().forEachRemaining(e -> positions.put(Integer.parseInt(e.getKey()), e.getValue().asLong()));
        return new CheckpointMetadata(VERSION, root.path("id").asLong(), root.path("reason").asText(),
                root.path("triggeredAt").asLong(), root.path("acksCompleteAt").asLong(), root.path("committedAt").asLong(),
                parts, positions);
    }
}
