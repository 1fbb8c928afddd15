package io.cutcheck.harness.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreRoundTripTest {

    @TempDir
    Path root;

    StoreFixture fixture() {
        return new StoreFixture(root);
    }

    static JsonNode json(String text) throws IOException {
        return StoreFixture.json(text);
    }

    TestSpec spec() {
        return fixture().spec();
    }

    StoreLayout writeRun() throws IOException {
        return fixture().write();
    }

    @Test
    void readerRebuildsWhatTheWritersWrote() throws IOException {
        StoreLayout store = writeRun();
        StoreReader.SavedRun saved = StoreReader.read(store.dir());
        assertThat(saved.manifest().spec()).isEqualTo(spec());
        assertThat(saved.manifest().faultSchedule()).containsExactly(new Fault(0, "kill", List.of("operator-1"), 3000, 1500));
        Observations o = saved.observations();
        assertThat(o.workload()).isEqualTo("stream");
        assertThat(o.workloadOptions()).containsEntry("keys", IntNode.valueOf(64));
        assertThat(o.history()).extracting(Op::type).containsExactly(OpType.INVOKE, OpType.OK);
        assertThat(o.history().get(1).value().path("offsets").get(0).asInt()).isZero();
        assertThat(o.events()).extracting(NodeEvent::type).containsExactly("started", "committed");
        assertThat(o.faults()).singleElement().extracting(FaultRecord::healedAt).isEqualTo(1_764_000_004_500L);
        assertThat(o.checkpoints()).singleElement().satisfies(c -> {
            assertThat(c.committed()).isTrue();
            assertThat(c.committedSeenAt()).isEqualTo(6L);
        });
        assertThat(o.contents().get(1L).get("operator-1").path("state").path("k1").path("count").asInt()).isEqualTo(1);
        assertThat(o.input().get(0)).singleElement().extracting(r -> r.path("value").asInt()).isEqualTo(3);
        assertThat(o.output()).hasSize(1);
        assertThat(o.collected()).isEqualTo(Collected.whole(3));
        assertThat(o.input()).as("declared partitions without records are there, empty")
                .containsOnlyKeys(0, 1, 2).containsEntry(2, List.of());
        assertThat(o.finalState()).containsKey("coordinator");
        assertThat(o.drained()).isTrue();
    }

    @Test
    void aRunKilledMidWriteIsStillReadable() throws IOException {
        StoreLayout store = writeRun();
        Files.delete(store.finalState());
        Files.delete(store.written());
        Files.writeString(store.history(), "{\"index\":2,\"type\":\"INV", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        Observations o = StoreReader.read(store.dir()).observations();
        assertThat(o.history()).hasSize(2);
        assertThat(o.drained()).isFalse();
        assertThat(o.finalState()).isEmpty();
    }

    @Test
    void latestPointsAtTheNewestRun() throws IOException {
        StoreLayout first = StoreLayout.create(root, "t", Instant.parse("2026-11-24T16:00:00Z"));
        StoreLayout second = StoreLayout.create(root, "t", Instant.parse("2026-11-24T16:00:00Z"));
        assertThat(second.dir()).isNotEqualTo(first.dir());
        assertThat(root.resolve("latest").toRealPath()).isEqualTo(second.dir().toRealPath());
        assertThat(Files.readSymbolicLink(root.resolve("latest")).isAbsolute()).isFalse();
    }

    @Test
    void aDirectoryWithoutTestJsonIsNotARun() {
        assertThatThrownBy(() -> StoreReader.read(root)).hasMessageContaining("no test.json");
    }

    @Test
    void aRunCutShortBeforeCollectionHasNoWholeInput() throws IOException {
        StoreLayout store = writeRun();
        Files.delete(store.collected());
        Collected collected = StoreReader.read(store.dir()).observations().collected();
        assertThat(collected.isWhole()).isFalse();
        assertThat(collected.missing()).contains("no collected.json");
    }

    @Test
    void anInputFileThatLostALineIsNotWhole() throws IOException {
        StoreLayout store = writeRun();
        Files.writeString(store.input(), "{\"partition\":0,\"rec", StandardCharsets.UTF_8);
        Collected collected = StoreReader.read(store.dir()).observations().collected();
        assertThat(collected.missing()).contains("input.jsonl holds 0 readable records, but 1 were collected");
    }

    @Test
    void anOutputFileThatLostALineIsNotWhole() throws IOException {
        StoreLayout store = writeRun();
        Files.writeString(store.output(), "", StandardCharsets.UTF_8);
        assertThat(StoreReader.read(store.dir()).observations().collected().missing())
                .contains("output.jsonl holds 0 readable entries, but 1 were collected");
    }

    @Test
    void aFormat1StoreIsWholeWhenItsFinalStateWasWritten() throws IOException {
        StoreLayout store = writeRun();
        Files.delete(store.collected());
        var manifest = Json.MAPPER.readTree(store.testJson().toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) manifest).put("format", 1);
        Json.MAPPER.writeValue(store.testJson().toFile(), manifest);
        assertThat(StoreReader.read(store.dir()).observations().collected()).isEqualTo(Collected.whole(1));
        Files.delete(store.finalState());
        assertThat(StoreReader.read(store.dir()).observations().collected().isWhole()).isFalse();
    }
}
