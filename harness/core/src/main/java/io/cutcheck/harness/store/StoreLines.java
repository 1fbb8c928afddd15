package io.cutcheck.harness.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The line formats of the store's files that are not core records. */
public final class StoreLines {

    private StoreLines() {}

    /** {@code contents.jsonl}: one node's part of a committed checkpoint. */
    public record ContentLine(long checkpoint, String node, JsonNode content, long fetchedAt) {}

    /** {@code input.jsonl}: one input record with its partition. */
    public record InputLine(int partition, JsonNode record) {}

    /**
     * {@code collected.json}: written once the input log and output store were read whole into
     * {@code input.jsonl} and {@code output.jsonl}, with the counts a reader checks those files against.
     */
    public record CollectedCounts(int inputPartitions, long inputRecords, long outputEntries, long collectedAt) {}

    /**
     * {@code written.json}: written once the run stopped writing its own files, with how many
     * records it wrote into each ({@code history.jsonl} → count, ...). Its presence says the run
     * was not killed mid-write, so no torn line is expected; its counts say what a file lost.
     */
    public record WrittenLines(Map<String, Long> lines, long writtenAt) {
        public WrittenLines {
            lines = lines == null ? Map.of() : Map.copyOf(lines);
        }

        public static WrittenLines of(List<JsonlWriter> writers) {
            Map<String, Long> lines = new TreeMap<>();
            writers.forEach(w -> lines.put(w.file().getFileName().toString(), w.lines()));
            return new WrittenLines(lines, System.currentTimeMillis());
        }
    }

    /** {@code final-state.json}: whether the drain completed, and each node's live state after it. */
    public record FinalState(boolean drained, String drainNote, Map<String, JsonNode> nodes) {
        public FinalState {
            nodes = nodes == null ? Map.of() : Map.copyOf(nodes);
        }
    }
}
