package io.cutcheck.harness.checker;

import static org.assertj.core.api.Assertions.assertThat;

import io.cutcheck.harness.observe.Collected;
import io.cutcheck.harness.observe.Observations;
import io.cutcheck.harness.run.Judge;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A synthetic failed run: thousands of duplicates after one lost commit read cause first, grouped. */
class DiagnosisTest {

    /** A checker that reports what it is given, at a stage. */
    record Fixed(String name, Stage stage, List<Anomaly> anomalies) implements Checker {
        public CheckResult check(Observations o) {
            return CheckResult.of(name, anomalies, Map.of());
        }
    }

    static Observations drained() {
        return new Observations("stream", Map.of(), List.of(), List.of(), List.of(), List.of(), Map.of(), Map.of(),
                List.of(), Collected.whole(1), Map.of(), true);
    }

    static Anomaly at(String type, Long checkpoint) {
        return new Anomaly(type, type + " at " + checkpoint, checkpoint, null, Map.of());
    }

    @Test
    void theLostCommitComesBeforeTheDuplicatesItCausedEachAGroupWithItsCount() {
        List<Anomaly> duplicates = new ArrayList<>();
        for (int i = 0; i < 25_000; i++) {
            duplicates.add(at("duplicated-record", null));
        }
        List<Anomaly> lost = List.of(at("lost-commit", 12L), at("lost-commit", 12L), at("lost-commit", 14L));
        // the output checker is listed first, as a workload's checkers are
        List<Checker> checkers = List.of(new Fixed("exactly-once", Checker.Stage.OUTPUT, duplicates),
                new Fixed("no-lost-commit", Checker.Stage.RECOVERY, lost));

        Judge.Judgement judged = Judge.judge(drained(), checkers);
        List<Diagnosis.Group> groups = Diagnosis.of(judged.results());

        assertThat(groups).extracting(Diagnosis.Group::type).containsExactly("lost-commit", "duplicated-record");
        assertThat(groups.get(0).count()).isEqualTo(3);
        assertThat(groups.get(0).checkpoints()).containsExactly(12L, 14L);
        assertThat(groups.get(0).first().explanation()).isEqualTo("lost-commit at 12");
        assertThat(groups.get(1).count()).isEqualTo(25_000);
        assertThat(groups.get(1).checkpoints()).isEmpty();
    }

    @Test
    void typesOfOneCheckerAreSeparateGroupsAndValidCheckersHaveNone() {
        List<Anomaly> mixed = new ArrayList<>();
        for (long c = 1; c <= 7; c++) {
            mixed.add(at("lost-record", c));
            mixed.add(at("duplicated-record", c));
        }
        List<Diagnosis.Group> groups = Diagnosis.of(List.of(CheckResult.valid("progress", Map.of()),
                CheckResult.of("exactly-once", mixed, Map.of())));

        assertThat(groups).extracting(Diagnosis.Group::type).containsExactly("lost-record", "duplicated-record");
        assertThat(groups.get(0).checkpoints()).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(groups.get(0).moreCheckpoints()).isTrue();
    }

    @Test
    void aGroupCountsTheAnomaliesACollectorsSummaryStandsFor() {
        AnomalyCollector collector = new AnomalyCollector(20);
        for (long o = 0; o < 733; o++) {
            collector.add(at("lost-record", null));
        }
        assertThat(collector.anomalies()).hasSize(21);

        List<Diagnosis.Group> groups = Diagnosis.of(List.of(CheckResult.of("exactly-once", collector.anomalies(), Map.of())));

        assertThat(groups).singleElement().satisfies(g -> assertThat(g.count()).isEqualTo(733));
    }

    @Test
    void anUnknownVerdictIsDiagnosedByItsReasons() {
        List<Diagnosis.Group> groups = Diagnosis.of(List.of(CheckResult.unknown("exactly-once", "no collected.json")));
        assertThat(groups).singleElement().satisfies(g -> {
            assertThat(g.validity()).isEqualTo(Validity.UNKNOWN);
            assertThat(g.first().explanation()).isEqualTo("no collected.json");
        });
    }
}
