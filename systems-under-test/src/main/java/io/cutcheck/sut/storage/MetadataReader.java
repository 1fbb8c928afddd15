package io.cutcheck.sut.storage;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutcheck.sut.http.ProtocolJson;
import java.io.IOException;

/** Reads a metadata file of any known format version, choosing the reader by its {@code version} field. */
public final class MetadataReader {
    private MetadataReader() {
    }

    public static CheckpointMetadata read(byte[] bytes, String what) throws CorruptCheckpointException {
        JsonNode root;
        try {
            root = ProtocolJson.MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new CorruptCheckpointException(what + ": torn metadata");
        }
        if (root == null || !root.isObject() || !root.has("version")) {
            throw new CorruptCheckpointException(what + ": torn metadata");
        }
        int version = root.get("version").asInt();
        return switch (version) {
            case MetadataFormatV1.VERSION -> MetadataFormatV1.read(root);
            default -> throw new CorruptCheckpointException(what + ": unknown metadata version " + version);
        };
    }

    public static byte[] writeCurrent(CheckpointMetadata metadata) throws IOException {
        return MetadataFormatV1.write(metadata);
    }
}
