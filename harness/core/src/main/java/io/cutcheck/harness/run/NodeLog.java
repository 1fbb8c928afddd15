package io.cutcheck.harness.run;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The last words of a node's log, for an error that says why the node is gone. */
final class NodeLog {

    private static final int TAIL_BYTES = 8192;

    private NodeLog() {}

    /** The log's last line that is not the runtime's own start marker, or a note that there is none. */
    static String lastLine(Path log) {
        if (!Files.isRegularFile(log)) {
            return "(no log)";
        }
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long from = Math.max(0, file.length() - TAIL_BYTES);
            byte[] tail = new byte[(int) (file.length() - from)];
            file.seek(from);
            file.readFully(tail);
            List<String> lines = new String(tail, StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("=== cutcheck:")).toList();
            return lines.isEmpty() ? "(nothing in its log)" : lines.get(lines.size() - 1).strip();
        } catch (IOException e) {
            return "(its log cannot be read: " + e.getMessage() + ")";
        }
    }
}
