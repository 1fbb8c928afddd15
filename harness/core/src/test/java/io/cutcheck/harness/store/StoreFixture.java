package io.cutcheck.harness.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import io.cutcheck.harness.checker.Anomaly;
import io.cutcheck.harness.checker.CheckResult;
import io.cutcheck.harness.checker.Validity;
import io.cutcheck.harness.history.Op;
import io.cutcheck.harness.history.OpType;
import io.cutcheck.harness.nemesis.Fault;
import io.cutcheck.harness.observe.CheckpointObservation;
import io.cutcheck.harness.observe.Collected;
import io.cutcheck.harness.observe.FaultRecord;
import io.cutcheck.harness.observe.NodeEvent;
import io.cutcheck.harness.observe.Observations;
import io.cutcheck.harness.schedule.FaultPlan;
import io.cutcheck.harness.schedule.FaultTarget;
import io.cutcheck.harness.spec.CheckpointTriggers;
import io.cutcheck.harness.spec.TestSpec;
import io.cutcheck.harness.system.NodeSlot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A small, complete run written with the harness's own writers, as a finished run leaves it. */
final class StoreFixture {

    final Path root;

    StoreFixture(Path root) {
        this.root = root;
    }

    static JsonNode json(String text) throws IOException {
        return Json.MAPPER.readTree(text);
    }

    TestSpec spec() {
        return new TestSpec("barrier-kill", "barrier", null, "local", "stream", 2, 200, 2,
                new FaultPlan(List.of("kill"), List.of(FaultTarget.ONE, FaultTarget.MINORITY), 3000, 0.25, 1500),
                42, 20_000, 60_000, CheckpointTriggers.defaults(), "no-alignment",
                Map.of("flush-every", IntNode.valueOf(3)), root.toString());
    }

    StoreLayout write() throws IOException {
        StoreLayout store = StoreLayout.create(root, "barrier-kill", Instant.parse("2026-11-24T16:00:00Z"));
        Fault fault = new Fault(0, "kill", List.of("operator-1"), 3000, 1500);
        Json.MAPPER.writeValue(store.testJson().toFile(), new TestManifest(StoreLayout.FORMAT, spec(),
                List.of(new NodeSlot("coordinator", "coordinator", 0), new NodeSlot("operator-1", "operator", 1)),
                "coordinator", List.of(fault), Map.of("keys", IntNode.valueOf(64)), 1_764_000_000_000L));
        try (JsonlWriter history = new JsonlWriter(store.history());
             JsonlWriter events = new JsonlWriter(store.events());
             JsonlWriter nemesis = new JsonlWriter(store.nemesis());
             JsonlWriter checkpoints = new JsonlWriter(store.checkpoints());
             JsonlWriter contents = new JsonlWriter(store.contents());
             JsonlWriter input = new JsonlWriter(store.input());
             JsonlWriter output = new JsonlWriter(store.output())) {
            Op invoke = Op.invoke(0, "append", json("{\"partition\":0,\"records\":[{\"key\":\"k1\",\"value\":3}]}"));
            history.write(invoke.withIndexAndTime(0, 10, 1_764_000_000_010L));
            history.write(invoke.complete(OpType.OK, json("{\"offsets\":[0]}"), null)
                    .withIndexAndTime(1, 20, 1_764_000_000_020L));
            events.write(new NodeEvent("coordinator", 7, 0, 1_764_000_000_001L, "started", null, json("{}"), 1_764_000_000_002L));
            events.write(new NodeEvent("coordinator", 7, 1, 1_764_000_000_101L, "committed", 1L, json("{}"), 1_764_000_000_102L));
            nemesis.write(new FaultRecord(0, "kill", List.of("operator-1"), 1_764_000_003_000L, null, null));
            nemesis.write(new FaultRecord(0, "kill", List.of("operator-1"), 1_764_000_003_000L, 1_764_000_004_500L, null));
            checkpoints.write(new CheckpointObservation(1, "interval", "pending", 1L, null, null, null, null,
                    List.of("coordinator", "operator-1"), 5L, null, null));
            checkpoints.write(new CheckpointObservation(1, "interval", "committed", 1L, 2L, 3L, null, 100L,
                    List.of("coordinator", "operator-1"), 5L, 6L, null));
            contents.write(new StoreLines.ContentLine(1, "operator-1",
                    json("{\"id\":1,\"node\":\"operator-1\",\"positions\":{},\"state\":{\"k1\":{\"count\":1,\"sum\":3}},\"channels\":{}}"), 7L));
            input.write(new StoreLines.InputLine(0, json("{\"offset\":0,\"key\":\"k1\",\"value\":3}")));
            output.write(json("{\"seq\":0,\"txn\":\"t1\",\"checkpoint\":1,\"record\":{\"partition\":0,\"offset\":0}}"));
        }
        Json.MAPPER.writeValue(store.collected().toFile(), new StoreLines.CollectedCounts(3, 1, 1, 8L));
        Json.MAPPER.writeValue(store.finalState().toFile(),
                new StoreLines.FinalState(true, "ok", Map.of("coordinator", json("{\"status\":\"running\"}"))));
        Json.MAPPER.writeValue(store.written().toFile(), new StoreLines.WrittenLines(Map.of("history.jsonl", 2L,
                "events.jsonl", 2L, "nemesis.jsonl", 2L, "checkpoints.jsonl", 2L, "contents.jsonl", 1L), 9L));
        return store;
    }
}
