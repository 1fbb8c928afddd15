package io.cutcheck.nemesis.network;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

/**
 * {@code fixture/network.jsonl} in the run's store: every proxy the run made (name, link, listen,
 * upstream) and every change of proxy state a fault made (its cut links and toxics), so a reader
 * sees exactly which directed links a {@code nemesis.jsonl} entry hit. One JSON object a line,
 * flushed as written.
 */
final class NetworkLog {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path file;

    NetworkLog(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    synchronized void write(String event, Consumer<ObjectNode> fields) {
        ObjectNode line = MAPPER.createObjectNode();
        line.put("event", event);
        line.put("at", System.currentTimeMillis());
        fields.accept(line);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, MAPPER.writeValueAsString(line) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
