package io.cutcheck.harness.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

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

    /** {@code final-state.json}: whether the drain completed, and each node's live state after it. */
    public record FinalState(boolean drained, String drainNote, Map<String, JsonNode> nodes) {
        public FinalState {
            nodes = nodes == null ? Map.of() : Map.copyOf(nodes);
        }
    }
}
