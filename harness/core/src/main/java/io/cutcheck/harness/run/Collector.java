package io.cutcheck.harness.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutcheck.harness.runtime.Node;
import io.cutcheck.harness.services.InputLogReader;
import io.cutcheck.harness.services.OutputReader;
import io.cutcheck.harness.store.Json;
import io.cutcheck.harness.store.JsonlWriter;
import io.cutcheck.harness.store.StoreLayout;
import io.cutcheck.harness.store.StoreLines;
import io.cutcheck.harness.sut.SutClient;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Saves what the checkers read besides the live observations: input, committed output, final state. */
final class Collector {

    private Collector() {}

    static void collect(StoreLayout store, InputLogReader input, OutputReader output, List<Node> nodes,
                        Optional<String> finalStatePath, DrainOutcome drain) throws IOException {
        Map<Integer, List<JsonNode>> records = input.readAll().result()
                .orElseThrow(() -> new IOException("cannot read the input log"));
        try (JsonlWriter out = new JsonlWriter(store.input())) {
            records.forEach((p, list) -> list.forEach(r -> out.write(new StoreLines.InputLine(p, r))));
        }
        List<JsonNode> entries = output.readAll().result()
                .orElseThrow(() -> new IOException("cannot read the output store"));
        try (JsonlWriter out = new JsonlWriter(store.output())) {
            entries.forEach(out::write);
        }
        // last, so its presence says both files above are whole; readAll lists every declared
        // partition, the empty ones included
        long inputRecords = records.values().stream().mapToLong(List::size).sum();
        Json.writeAtomically(store.collected(),
                new StoreLines.CollectedCounts(records.size(), inputRecords, entries.size(), System.currentTimeMillis()));
        Map<String, JsonNode> state = new LinkedHashMap<>();
        for (Node node : nodes) {
            SutClient client = new SutClient(node.controlUri());
            (finalStatePath.isPresent() ? client.getJson(finalStatePath.get()) : client.getJson("/health"))
                    .result().ifPresent(s -> state.put(node.name(), s));
        }
        Json.writeAtomically(store.finalState(),
                new StoreLines.FinalState(drain.drained(), drain.note(), state));
    }
}
