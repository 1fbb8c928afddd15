package io.cutcheck.harness.store;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutcheck.harness.history.Op;
import io.cutcheck.harness.observe.CheckpointObservation;
import io.cutcheck.harness.observe.Collected;
import io.cutcheck.harness.observe.FaultRecord;
import io.cutcheck.harness.observe.NodeEvent;
import io.cutcheck.harness.observe.Observations;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
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
 * mid-write leaves a torn last line, tolerated and reported; any other line that does not parse,
 * and a file holding another number of records than {@code written.json} says the run wrote, is damage
 * ({@link StoreIntegrity}). Files that are missing are empty, and a run without
 * {@code final-state.json} counts as not drained. Input and output
 * are whole only when {@code collected.json} exists and its counts match what
 * {@code input.jsonl} and {@code output.jsonl} hold; format 1 had no such file, and there a
 * {@code final-state.json} (written after both) stands for it.
 */
public final class StoreReader {

    private StoreReader() {}

    /** The run as saved, and what was wrong with the files it was read from. */
    public record SavedRun(TestManifest manifest, Observations observations, StoreIntegrity integrity) {}

    public static SavedRun read(Path dir) throws IOException {
        StoreLayout store = new StoreLayout(dir);
        TestManifest manifest = manifest(store);
        Map<String, Long> written = written(store);
        JsonlReader reader = new JsonlReader(written != null);
        if (written == null && Files.isRegularFile(store.written())) {
            reader.damage("written.json is unreadable");
        }
        List<Op> history = expected(reader, store.history(), Op.class, written);
        List<NodeEvent> events = expected(reader, store.events(), NodeEvent.class, written);
        Map<Integer, FaultRecord> faults = new TreeMap<>();
        expected(reader, store.nemesis(), FaultRecord.class, written).forEach(f -> faults.put(f.id(), f));
        Map<Long, CheckpointObservation> checkpoints = new TreeMap<>();
        expected(reader, store.checkpoints(), CheckpointObservation.class, written)
                .forEach(c -> checkpoints.put(c.id(), c));
        Map<Long, Map<String, JsonNode>> contents = new TreeMap<>();
        for (StoreLines.ContentLine line : expected(reader, store.contents(), StoreLines.ContentLine.class, written)) {
            // a part fetched before the committing node listed the holders, from a node its
            // metadata does not name, is not part of what a restore loads
            CheckpointObservation checkpoint = checkpoints.get(line.checkpoint());
            if (checkpoint == null || checkpoint.names(line.node())) {
                contents.computeIfAbsent(line.checkpoint(), k -> new LinkedHashMap<>()).put(line.node(), line.content());
            }
        }
        Map<Integer, List<JsonNode>> input = new TreeMap<>();
        long inputRecords = 0;
        for (StoreLines.InputLine line : reader.read(store.input(), StoreLines.InputLine.class)) {
            input.computeIfAbsent(line.partition(), k -> new ArrayList<>()).add(line.record());
            inputRecords++;
        }
        List<JsonNode> output = reader.read(store.output(), JsonNode.class);
        Collected collected = manifest.format() == 1
                ? collectedInFormat1(store, input)
                : collected(store, inputRecords, output.size());
        for (int p = 0; p < collected.inputPartitions(); p++) {
            input.computeIfAbsent(p, k -> new ArrayList<>());
        }
        StoreLines.FinalState finalState = finalState(store, reader);
        Map<Long, Map<String, JsonNode>> frozenContents = new TreeMap<>();
        contents.forEach((id, parts) -> frozenContents.put(id, Map.copyOf(parts)));
        Map<Integer, List<JsonNode>> frozenInput = new TreeMap<>();
        input.forEach((p, records) -> frozenInput.put(p, List.copyOf(records)));
        Observations observations = new Observations(manifest.spec().workload(), manifest.workloadOptions(), history,
                events, List.copyOf(faults.values()), List.copyOf(checkpoints.values()), frozenContents, frozenInput,
                output, collected, finalState.nodes(), finalState.drained());
        return new SavedRun(manifest, observations, reader.integrity());
    }

    /**
     * {@code test.json}, strictly: a seed of the wrong type would replay another run, so a field
     * Jackson could coerce ({@code "12"}, {@code 1.5}, {@code null}) is an error, named by its path.
     */
    private static TestManifest manifest(StoreLayout store) throws IOException {
        if (!Files.isRegularFile(store.testJson())) {
            throw new IOException("not a cutcheck run directory (no test.json): " + store.dir());
        }
        TestManifest manifest;
        try {
            manifest = Json.STRICT.readValue(store.testJson().toFile(), TestManifest.class);
        } catch (JsonProcessingException e) {
            throw new IOException("test.json is unreadable: " + Json.describe(e) + " (" + store.testJson() + ")");
        }
        if (manifest == null || manifest.spec() == null) {
            throw new IOException("test.json holds no test spec (" + store.testJson() + ")");
        }
        if (manifest.format() != StoreLayout.FORMAT && manifest.format() != 1) {
            throw new IOException("unsupported store format " + manifest.format() + " in " + store.dir());
        }
        return manifest;
    }

    /** How many lines the run wrote into each file, or null when it did not get that far (or it is unreadable). */
    private static Map<String, Long> written(StoreLayout store) {
        if (!Files.isRegularFile(store.written())) {
            return null;
        }
        try {
            StoreLines.WrittenLines lines = Json.STRICT.readValue(store.written().toFile(), StoreLines.WrittenLines.class);
            return lines == null ? null : lines.lines();
        } catch (IOException e) {
            return null;
        }
    }

    private static <T> List<T> expected(JsonlReader reader, Path file, Class<T> type, Map<String, Long> written)
            throws IOException {
        List<T> values = reader.read(file, type);
        reader.expect(file, values.size(), written == null ? null : written.getOrDefault(file.getFileName().toString(), 0L));
        return values;
    }

    private static StoreLines.FinalState finalState(StoreLayout store, JsonlReader reader) {
        if (!Files.isRegularFile(store.finalState())) {
            return new StoreLines.FinalState(false, "the run ended before draining", Map.of());
        }
        try {
            StoreLines.FinalState state = Json.MAPPER.readValue(store.finalState().toFile(), StoreLines.FinalState.class);
            if (state != null) {
                return state;
            }
        } catch (IOException e) {
            // judged below as damage, not as a drained run
        }
        reader.damage("final-state.json is unreadable");
        return new StoreLines.FinalState(false, "final-state.json is unreadable", Map.of());
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
}
