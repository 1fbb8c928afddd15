package io.cutcheck.harness.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.cutcheck.harness.nemesis.Fault;
import io.cutcheck.harness.nemesis.FaultContext;
import io.cutcheck.harness.nemesis.Nemesis;
import io.cutcheck.harness.observe.FaultRecord;
import io.cutcheck.harness.observe.FaultRecorder;
import io.cutcheck.harness.schedule.Planned;
import io.cutcheck.harness.schedule.Schedule;
import io.cutcheck.harness.store.Json;
import io.cutcheck.harness.store.JsonlWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The nemesis driver in-process: real threads and clocks, a nemesis that only notes when it was called. */
class NemesisDriverTest {

    @TempDir
    Path dir;

    /** Notes the ms (since the driver began) of each injection and heal. */
    static final class Noting implements Nemesis {
        final long began = System.nanoTime();
        final Map<Integer, Long> injected = new ConcurrentHashMap<>();
        final Map<Integer, Long> healed = new ConcurrentHashMap<>();

        @Override
        public Set<String> kinds() {
            return Set.of("kill");
        }

        @Override
        public void inject(Fault fault, FaultContext context) {
            injected.put(fault.id(), (System.nanoTime() - began) / 1_000_000);
        }

        @Override
        public void heal(Fault fault, FaultContext context) {
            healed.put(fault.id(), (System.nanoTime() - began) / 1_000_000);
        }

        @Override
        public void healAll(FaultContext context) {}
    }

    List<FaultRecord> drive(List<Fault> faults, AtomicLong newest, Noting nemesis, long runMillis) throws Exception {
        Path file = dir.resolve("nemesis.jsonl");
        try (JsonlWriter out = new JsonlWriter(file)) {
            NemesisDriver driver = new NemesisDriver(new Schedule<>(faults.stream()
                    .map(f -> new Planned<>(f.startMillis(), f)).toList()), nemesis, FaultContext.of(List::of, "c"),
                    new FaultRecorder(out), newest::get);
            driver.start(nemesis.began);
            Thread.sleep(runMillis);
            driver.stop();
        }
        return Files.readAllLines(file).stream().map(line -> read(line)).toList();
    }

    static FaultRecord read(String line) {
        try {
            return Json.MAPPER.readValue(line, FaultRecord.class);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aFaultRecordsTheNewestCheckpointAtItsStart() throws Exception {
        Noting nemesis = new Noting();
        List<FaultRecord> records = drive(List.of(new Fault(0, "kill", List.of("a"), 50, 100)), new AtomicLong(4),
                nemesis, 400);
        assertThat(records).extracting(FaultRecord::checkpoint).containsExactly(4L, 4L);
        assertThat(nemesis.injected.get(0)).isBetween(50L, 1000L);
        assertThat(nemesis.healed.get(0) - nemesis.injected.get(0)).isBetween(90L, 1000L);
    }

    @Test
    void aReplayedFaultWaitsForItsCheckpointAndKeepsItsDuration() throws Exception {
        Noting nemesis = new Noting();
        AtomicLong newest = new AtomicLong(3);
        Thread later = new Thread(() -> {
            try {
                Thread.sleep(600);
                newest.set(5);
            } catch (InterruptedException ignored) {
                // the test is over
            }
        });
        later.start();
        List<FaultRecord> records = drive(List.of(new Fault(0, "kill", List.of("a"), 100, 1000, 5L)), newest, nemesis,
                3500);
        later.join();
        assertThat(nemesis.injected.get(0)).isBetween(600L, 1500L);
        assertThat(nemesis.healed.get(0) - nemesis.injected.get(0)).isBetween(950L, 2000L);
        assertThat(records.get(0).checkpoint()).isEqualTo(5L);
    }

    @Test
    void aCheckpointThatNeverComesDelaysTheFaultByItsDurationAtMost() throws Exception {
        Noting nemesis = new Noting();
        drive(List.of(new Fault(0, "kill", List.of("a"), 100, 300, 9L)), new AtomicLong(1), nemesis, 2000);
        assertThat(nemesis.injected.get(0)).isBetween(390L, 1100L);
    }
}
