package io.cutcheck.harness.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cutcheck.harness.checker.CheckResult;
import io.cutcheck.harness.checker.Checker;
import io.cutcheck.harness.checker.Validity;
import io.cutcheck.harness.run.Judge;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store's files judged as evidence: a killed run's torn last line is tolerated and reported;
 * anything else a reader cannot read, or a file that lost lines the run wrote, withholds every
 * verdict, valid and invalid alike.
 */
class StoreIntegrityTest {

    @TempDir
    Path root;

    /** Says invalid, so a withheld verdict shows as a changed one. */
    static final Checker ALARM = new Checker() {
        public String name() {
            return "alarm";
        }

        public CheckResult check(io.cutcheck.harness.observe.Observations o) {
            return CheckResult.of(name(), List.of(io.cutcheck.harness.checker.Anomaly.of("x", "y")), Map.of());
        }
    };

    StoreLayout run() throws IOException {
        return new StoreFixture(root).write();
    }

    static void append(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    @Test
    void anIntactStoreHasNoFindings() throws IOException {
        StoreReader.SavedRun saved = StoreReader.read(run().dir());
        assertThat(saved.integrity()).isEqualTo(StoreIntegrity.INTACT);
        Judge.Judgement judged = Judge.judge(saved.observations(), saved.integrity(), List.of(ALARM));
        assertThat(judged.verdict()).isEqualTo(Validity.INVALID);
        assertThat(judged.results()).extracting(CheckResult::checker).containsExactly("alarm");
    }

    @Test
    void aGarbageLineInTheMiddleOfHistoryIsDamage() throws IOException {
        StoreLayout store = run();
        List<String> lines = Files.readAllLines(store.history());
        Files.write(store.history(), List.of(lines.get(0), "garbage", lines.get(1)));
        StoreIntegrity integrity = StoreReader.read(store.dir()).integrity();
        assertThat(integrity.damage()).singleElement().asString()
                .isEqualTo("history.jsonl line 2 is not a readable record: 'garbage'");
    }

    @Test
    void aGarbageLineAppendedToAFinishedRunIsDamageAndWithholdsTheVerdict() throws IOException {
        StoreLayout store = run();
        append(store.history(), "garbage\n");
        StoreReader.SavedRun saved = StoreReader.read(store.dir());
        Judge.Judgement judged = Judge.judge(saved.observations(), saved.integrity(), List.of(ALARM));
        assertThat(judged.verdict()).isEqualTo(Validity.UNKNOWN);
        assertThat(judged.results()).filteredOn(r -> r.checker().equals("alarm")).singleElement()
                .satisfies(r -> assertThat(r.stats()).containsEntry("verdictOnDamagedEvidence", "invalid"));
        assertThat(judged.results()).filteredOn(r -> r.checker().equals("evidence")).singleElement()
                .satisfies(r -> assertThat(r.anomalies().get(0).explanation()).contains("history.jsonl line 3"));
    }

    @Test
    void aTornLastLineOfAKilledRunIsToleratedAndReported() throws IOException {
        StoreLayout store = run();
        Files.delete(store.written());
        append(store.events(), "{\"node\":\"coordinator\",\"inc");
        StoreReader.SavedRun saved = StoreReader.read(store.dir());
        assertThat(saved.integrity().intact()).isTrue();
        assertThat(saved.integrity().tolerated()).singleElement().asString().startsWith("events.jsonl line 3 is cut short");
        assertThat(saved.observations().events()).hasSize(2);
        Judge.Judgement judged = Judge.judge(saved.observations(), saved.integrity(), List.of(ALARM));
        assertThat(judged.verdict()).as("what the intact lines prove still counts").isEqualTo(Validity.INVALID);
        assertThat(judged.results()).extracting(CheckResult::checker).contains("evidence");
    }

    @Test
    void aTornLastLineInAFinishedRunIsDamage() throws IOException {
        StoreLayout store = run();
        append(store.events(), "{\"node\":\"coordinator\",\"inc");
        assertThat(StoreReader.read(store.dir()).integrity().damage()).singleElement().asString()
                .startsWith("events.jsonl line 3 is not a readable record");
    }

    @Test
    void aFileCutShortOfWhatTheRunWroteIsDamage() throws IOException {
        StoreLayout store = run();
        byte[] events = Files.readAllBytes(store.events());
        Files.write(store.events(), java.util.Arrays.copyOf(events, 100));
        assertThat(StoreReader.read(store.dir()).integrity().damage())
                .contains("events.jsonl holds 0 readable records, but the run wrote 2 (written.json)");
        Files.delete(store.checkpoints());
        assertThat(StoreReader.read(store.dir()).integrity().damage())
                .contains("checkpoints.jsonl holds 0 readable records, but the run wrote 2 (written.json)");
    }

    @Test
    void bytesThatAreNotUtf8AreDamage() throws IOException {
        StoreLayout store = run();
        Files.write(store.nemesis(), new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}', '\n'}, StandardOpenOption.APPEND);
        assertThat(StoreReader.read(store.dir()).integrity().damage()).anySatisfy(d -> assertThat(d).contains("nemesis.jsonl"));
    }

    @Test
    void anUnreadableFinalStateIsDamageNotADrainedRun() throws IOException {
        StoreLayout store = run();
        Files.writeString(store.finalState(), "{\"drained\": tr");
        StoreReader.SavedRun saved = StoreReader.read(store.dir());
        assertThat(saved.observations().drained()).isFalse();
        assertThat(saved.integrity().damage()).containsExactly("final-state.json is unreadable");
    }

    @Test
    void anUnreadableWrittenJsonIsDamage() throws IOException {
        StoreLayout store = run();
        Files.writeString(store.written(), "[1,");
        assertThat(StoreReader.read(store.dir()).integrity().damage()).containsExactly("written.json is unreadable");
    }

    @Test
    void aSeedThatIsNotAWholeNumberIsAnErrorNamingTheField() throws IOException {
        for (String seed : List.of("\"abc\"", "\"12\"", "1.5", "null", "[]", "{}")) {
            StoreLayout store = new StoreFixture(root.resolve("s" + Math.abs(seed.hashCode()))).write();
            editManifest(store, m -> m.set("spec", ((ObjectNode) m.get("spec")).set("seed", parse(seed))));
            assertThatThrownBy(() -> StoreReader.read(store.dir())).as(seed)
                    .isInstanceOf(IOException.class)
                    .hasMessageStartingWith("test.json is unreadable: field spec.seed: ")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n", "reference chain"));
        }
    }

    @Test
    void aManifestThatIsNotJsonOrHoldsNoSpecIsAnError() throws IOException {
        StoreLayout store = run();
        Files.writeString(store.testJson(), "{\"format\": 2,");
        assertThatThrownBy(() -> StoreReader.read(store.dir())).hasMessageStartingWith("test.json is unreadable: line ");
        Files.writeString(store.testJson(), "{\"format\": 2}");
        assertThatThrownBy(() -> StoreReader.read(store.dir()))
                .hasMessageStartingWith("test.json is unreadable: field startedAt: Cannot map `null` into type `long` (/");
        Files.writeString(store.testJson(), "null");
        assertThatThrownBy(() -> StoreReader.read(store.dir())).hasMessageStartingWith("test.json holds no test spec");
    }

    static com.fasterxml.jackson.databind.JsonNode parse(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static void editManifest(StoreLayout store, Consumer<ObjectNode> edit) throws IOException {
        ObjectNode manifest = (ObjectNode) Json.MAPPER.readTree(store.testJson().toFile());
        edit.accept(manifest);
        Json.MAPPER.writeValue(store.testJson().toFile(), manifest);
    }
}
