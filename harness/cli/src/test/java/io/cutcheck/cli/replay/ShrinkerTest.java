package io.cutcheck.cli.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.cutcheck.harness.schedule.ScenarioStep;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class ShrinkerTest {

    /** Nine faults, 2.5 s apart, 1.6 s each, over three nodes; fault 4 is a compound on two nodes. */
    static Candidate busy() {
        List<ScenarioStep> steps = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            String kind = i == 4 ? "slow-disk+kill-mid-checkpoint" : i % 2 == 0 ? "kill" : "pause";
            List<String> targets = i == 4 ? List.of("operator-0", "operator-1") : List.of("operator-" + (i % 3));
            steps.add(new ScenarioStep(i, kind, targets, 2000 + 2500L * i, 1600));
        }
        return new Candidate(steps, 30_000);
    }

    static Shrinker.Result shrink(Predicate<Candidate> fails, long detectionMillis, List<Candidate> seen) {
        Shrinker.Oracle oracle = (c, stage) -> {
            seen.add(c);
            return fails.test(c) ? Shrinker.Verdict.FAILS : Shrinker.Verdict.PASSES;
        };
        return new Shrinker(oracle, (stage, n, c, v, best) -> {}, Long.MAX_VALUE / 2, System::nanoTime)
                .shrink(busy(), detectionMillis);
    }

    /** Fails when a fault with id 4 that still kills a checkpoint in flight at operator-1 runs to its end. */
    static boolean needsFaultFour(Candidate c) {
        return c.steps().stream().anyMatch(s -> s.id() == 4 && s.kind().contains("kill-mid-checkpoint")
                && s.targets().contains("operator-1") && s.endMillis() <= c.timeLimitMillis());
    }

    @Test
    void shrinksToTheOneFaultThatMattersWeakenedAndInAShortRun() {
        List<Candidate> seen = new ArrayList<>();
        Shrinker.Result result = shrink(ShrinkerTest::needsFaultFour, -1, seen);
        assertThat(result.best().steps()).containsExactly(
                new ScenarioStep(4, "kill-mid-checkpoint", List.of("operator-1"), 12_000, 400));
        assertThat(result.best().timeLimitMillis()).isEqualTo(16_000);
        assertThat(result.candidatesTried()).isEqualTo(seen.size()).isLessThan(25);
        assertThat(result.budgetSpent()).isFalse();
    }

    @Test
    void theEvidenceTimeCutsLaterFaultsFirst() {
        List<Candidate> seen = new ArrayList<>();
        shrink(ShrinkerTest::needsFaultFour, 13_000, seen);
        assertThat(seen.get(0).steps()).extracting(ScenarioStep::id).containsExactly(0, 1, 2, 3, 4);
        assertThat(seen.get(0).timeLimitMillis()).isEqualTo(17_000);
    }

    @Test
    void twoFaultsThatFailOnlyTogetherBothStay() {
        Predicate<Candidate> both = c -> c.steps().stream().map(ScenarioStep::id).toList().containsAll(List.of(1, 7));
        Shrinker.Result result = shrink(both, -1, new ArrayList<>());
        assertThat(result.best().steps()).extracting(ScenarioStep::id).containsExactly(1, 7);
    }

    @Test
    void unknownCandidatesAreNeverKept() {
        Shrinker.Oracle oracle = (c, stage) -> c.equals(busy()) ? Shrinker.Verdict.FAILS : Shrinker.Verdict.UNKNOWN;
        Shrinker.Result result = new Shrinker(oracle, (stage, n, c, v, best) -> {}, Long.MAX_VALUE / 2,
                System::nanoTime).shrink(busy(), -1);
        assertThat(result.best()).isEqualTo(busy());
    }

    @Test
    void aSpentBudgetStopsWithTheBestSoFar() {
        AtomicLong clock = new AtomicLong();
        Shrinker.Oracle oracle = (c, stage) -> {
            clock.addAndGet(10);
            return needsFaultFour(c) ? Shrinker.Verdict.FAILS : Shrinker.Verdict.PASSES;
        };
        Shrinker.Result result = new Shrinker(oracle, (stage, n, c, v, best) -> {}, 35, clock::get).shrink(busy(), -1);
        assertThat(result.budgetSpent()).isTrue();
        assertThat(result.candidatesTried()).isEqualTo(4);
        assertThat(needsFaultFour(result.best())).isTrue();
    }
}
