package io.cutcheck.harness.store;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutcheck.harness.history.Op;
import io.cutcheck.harness.observe.CheckpointObservation;
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
 * Rebuilds a run's {@link Observations} from its store directory (format 1), for
 * {@code analyze} and for the run's own check, so both judge exactly what was saved. A run killed
 * mid-write leaves a torn last line: lines that do not parse are skipped, files that are missing
 * are empty, and a run without {@code final-state.json} counts as not drained.
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
        if (manifest.format() != StoreLayout.FORMAT) {
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
        for (StoreLines.InputLine line : lines(store.input(), StoreLines.InputLine.class)) {
            input.computeIfAbsent(line.partition(), k -> new ArrayList<>()).add(line.record());
        }
        List<JsonNode> output = lines(store.output(), JsonNode.class);
        StoreLines.FinalState finalState = Files.isRegularFile(store.finalState())
                ? Json.MAPPER.readValue(store.finalState().toFile(), StoreLines.FinalState.class)
                : new StoreLines.FinalState(false, "the run ended before draining", Map.of());
        Map<Long, Map<String, JsonNode>> frozenContents = new TreeMap<>();
        contents.forEach((id, parts) -> frozenContents.put(id, Map.copyOf(parts)));
        Map<Integer, List<JsonNode>> frozenInput = new TreeMap<>();
        input.forEach((p, records) -> frozenInput.put(p, List.copyOf(records)));
        Observations observations = new Observations(manifest.spec().workload(), manifest.workloadOptions(), history,
                events, List.copyOf(faults.values()), List.copyOf(checkpoints.values()), frozenContents, frozenInput,
                output, finalState.nodes(), finalState.drained());
        return new SavedRun(manifest, observations);
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
