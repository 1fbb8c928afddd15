package io.cutcheck.cli.replay;

import io.cutcheck.harness.observe.FaultRecord;
import io.cutcheck.harness.run.Judge;
import io.cutcheck.harness.schedule.Scenario;
import io.cutcheck.harness.schedule.ScenarioStep;
import io.cutcheck.harness.spec.TestSpec;
import io.cutcheck.harness.store.StoreReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A saved run to reproduce: its spec, the faults it executed (those of its {@code test.json}
 * schedule that {@code nemesis.jsonl} shows begun, with their planned starts, concrete nodes and
 * the ids that fix partition shapes), and its verdict judged again from its store now,
 * so a run whose results were never written (a killed harness) is judged like any other.
 *
 * @param judged the verdict, checkers and anomaly types of the saved run
 * @param detectionMillis from the run's first operation to its earliest evidence, or -1
 */
public record SavedFailure(Path storeDir, TestSpec spec, Scenario executed, TryResult judged, long detectionMillis) {

    /**
     * @param judge judges a saved run with the checkers of its spec (the CLI's registry)
     * @throws IllegalArgumentException one line when {@code dir} is no run's store
     */
    public static SavedFailure load(Path dir, Function<StoreReader.SavedRun, Judge.Judgement> judge) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("no such store directory: " + dir);
        }
        StoreReader.SavedRun saved;
        Path real;
        try {
            real = dir.toRealPath();
            saved = StoreReader.read(real);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot replay " + dir + ": " + e.getMessage());
        }
        Judge.Judgement judgement = judge.apply(saved);
        // as executed: a fault the nemesis never began (the run ended while an earlier one was being
        // healed) is not part of what failed, and a replay should not add it
        Map<Integer, FaultRecord> begun = saved.observations().faults().stream()
                .collect(Collectors.toMap(FaultRecord::id, f -> f, (a, b) -> b));
        Scenario executed = new Scenario(saved.manifest().faultSchedule().stream()
                .filter(f -> begun.containsKey(f.id()))
                .map(f -> ScenarioStep.of(f).withAfterCheckpoint(begun.get(f.id()).checkpoint())).toList());
        long detection = io.cutcheck.harness.checker.Detection.millis(saved.observations(), judgement.results(),
                saved.manifest().spec().timeLimitMillis()).orElse(-1);
        return new SavedFailure(real, saved.manifest().spec(), executed,
                TryResult.of(judgement.verdict(), judgement.results(), saved.observations(), real, null), detection);
    }

    /** The saved spec, following {@code scenario} with {@code timeLimitMillis}, its runs stored under {@code root}. */
    public TestSpec rerun(Scenario scenario, long timeLimitMillis, Path root) {
        return spec.withFaults(spec.faults().withScenario(scenario)).withTimeLimitMillis(timeLimitMillis)
                .withStoreDir(root.toString());
    }
}
