package io.cutcheck.harness.store;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutcheck.harness.history.Op;
import io.cutcheck.harness.observe.CheckpointObservation;
import io.cutcheck.harness.observe.Collected;
import io.cutcheck.harness.observe.FaultRecord;
import io.cutcheck.harness.observe.NodeEvent;
import io.cutcheck.harness.observe.Observations;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rebuilds a run's {@link Observations} from its store directory (formats 1 and 2), for
 * {@code analyze} and for the run's own check, so both judge exactly what was saved. A run killed
 * mid-write leaves a torn last line: lines that do not parse are skipped, files that are missing
 * are empty, and a run without {@code final-state.json} counts as not drained. Input and output
 * are whole only when {@code collected.json} exists and its counts match what
 * {@code input.jsonl} and {@code output.jsonl} hold; format 1 had no such file, and there a
 * {@code final-state.json} (written after both) stands for it.
 */
public final class StoreReader {

    private StoreReader() {}

    public record SavedRun(TestManifest manifest, Observations observations) {}

    public static SavedRun read(Path dir) throws IOException {
        StoreLayout store = new StoreLayout(dir);
        if (!Files.isRegularFile(store.testJson())) {
            throw new IOException("not a cutcheck run directory (no test.json): " + dir);
        }
        TestManifest manifest = Json.MAPPER.readValue(store.testJson().toFile(), TestManifest.class);
        if (manifest.format() != StoreLayout.FORMAT && manifest.format() != 1) {
            throw new IOException("unsupported store format " + manifest.format() + " in " + dir);
        }
        List<Op> history = lines(store.history(), Op.class);
        List<NodeEvent> events = lines(store.events(), NodeEvent.class);
        Map<Integer, FaultRecord> faults = new TreeMap<>();
        lines(store.nemesis(), FaultRecord.class).forEach(f -> faults.put(f.id(), f));
        Map<Long, CheckpointObservation> checkpoints = new TreeMap<>();
        lines(store.checkpoints(), CheckpointObservation.class).forEach(c -> checkpoints.put(c.id(), c));
        Map<Long, Map<String, JsonNode>> contents = new TreeMap<>();
        for (StoreLines.ContentLine line : lines(store.contents(), StoreLines.ContentLine.class)) {
            // a part fetched before the committing node listed the holders, from a node its
            // metadata does not name, is not part of what a restore loads
            CheckpointObservation checkpoint = checkpoints.get(line.checkpoint());
            if (checkpoint == null || checkpoint.names(line.node())) {
                contents.computeIfAbsent(line.checkpoint(), k -> new LinkedHashMap<>()).put(line.node(), line.content());
            }
        }
        Map<Integer, List<JsonNode>> input = new TreeMap<>();
        long inputRecords = 0;
        for (StoreLines.InputLine line : lines(store.input(), StoreLines.InputLine.class)) {
            input.computeIfAbsent(line.partition(), k -> new ArrayList<>()).add(line.record());
            inputRecords++;
        }
        List<JsonNode> output = lines(store.output(), JsonNode.class);
        Collected collected = manifest.format() == 1
                ? collectedInFormat1(store, input)
                : collected(store, inputRecords, output.size());
        for (int p = 0; p < collected.inputPartitions(); p++) {
            input.computeIfAbsent(p, k -> new ArrayList<>());
        }
        StoreLines.FinalState finalState = Files.isRegularFile(store.finalState())
                ? Json.MAPPER.readValue(store.finalState().toFile(), StoreLines.FinalState.class)
                : new StoreLines.FinalState(false, "the run ended before draining", Map.of());
        Map<Long, Map<String, JsonNode>> frozenContents = new TreeMap<>();
        contents.forEach((id, parts) -> frozenContents.put(id, Map.copyOf(parts)));
        Map<Integer, List<JsonNode>> frozenInput = new TreeMap<>();
        input.forEach((p, records) -> frozenInput.put(p, List.copyOf(records)));
        Observations observations = new Observations(manifest.spec().workload(), manifest.workloadOptions(), history,
                events, List.copyOf(faults.values()), List.copyOf(checkpoints.values()), frozenContents, frozenInput,
                output, collected, finalState.nodes(), finalState.drained());
        return new SavedRun(manifest, observations);
    }

    private static Collected collected(StoreLayout store, long inputRecords, long outputEntries) {
        if (!Files.isRegularFile(store.collected())) {
            return Collected.missing("the run ended before the input log and output store were read"
                    + " (the store has no collected.json)");
        }
        StoreLines.CollectedCounts counts;
        try {
            counts = Json.MAPPER.readValue(store.collected().toFile(), StoreLines.CollectedCounts.class);
        } catch (IOException e) {
            return Collected.missing("collected.json is unreadable: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (counts.inputRecords() != inputRecords) {
            return Collected.missing("input.jsonl holds " + inputRecords + " readable records, but "
                    + counts.inputRecords() + " were collected (collected.json)");
        }
        if (counts.outputEntries() != outputEntries) {
            return Collected.missing("output.jsonl holds " + outputEntries + " readable entries, but "
                    + counts.outputEntries() + " were collected (collected.json)");
        }
        if (counts.inputPartitions() < 0) {
            return Collected.missing("collected.json declares " + counts.inputPartitions() + " input partitions");
        }
        return Collected.whole(counts.inputPartitions());
    }

    private static Collected collectedInFormat1(StoreLayout store, Map<Integer, List<JsonNode>> input) {
        if (!Files.isRegularFile(store.finalState())) {
            return Collected.missing("the run ended before the input log and output store were read"
                    + " (a format 1 store without final-state.json)");
        }
        // format 1 did not save the declared count: the highest partition holding records is all it shows
        return Collected.whole(input.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1);
    }

    static <T> List<T> lines(Path file, Class<T> type) throws IOException {
        List<T> values = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return values;
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    values.add(Json.MAPPER.readValue(line, type));
                } catch (IOException torn) {
                    // a line cut short by a killed harness: what came before it still counts
                }
            }
        }
        return values;
    }
}
