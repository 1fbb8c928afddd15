package io.cutcheck.reports.figures;

import static io.cutcheck.reports.figures.Observed.committed;
import static io.cutcheck.reports.figures.Observed.event;
import static io.cutcheck.reports.figures.Observed.fault;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RestoreEpisodesTest {

    @Test
    void theInitialFreshStartIsNoRestoreButAnEmptyRestoreAfterAFaultIs() {
        var observations = Observed.of(List.of(
                        event("a", 1, 0, "restored", null),
                        event("b", 1, 5, "restored", null),
                        event("a", 2, 2_000, "restore-started", null),
                        event("a", 2, 2_300, "restored", null)),
                List.of(fault(1, 1_500, 1_600L)), List.of());

        List<RestoreEpisode> episodes = RestoreEpisodes.of(observations);

        assertThat(episodes).hasSize(1);
        RestoreEpisode only = episodes.get(0);
        assertThat(only.checkpoint()).isNull();
        assertThat(only.failureAt()).isEqualTo(1_500);
        assertThat(only.cutAt()).as("the run's start").isZero();
        assertThat(only.restoreMs()).isEqualTo(800);
        assertThat(only.lostWorkMs()).isEqualTo(1_500);
    }

    @Test
    void nodesRestoringFromOneCheckpointTogetherAreOneRecovery() {
        var observations = Observed.of(List.of(
                        event("a", 2, 5_100, "restore-started", 3L),
                        event("b", 1, 5_150, "restore-started", 3L),
                        event("a", 2, 5_400, "restored", 3L),
                        event("b", 1, 5_600, "restored", 3L),
                        event("a", 3, 20_000, "restored", 3L)),
                List.of(fault(1, 5_000, 5_050L), fault(2, 19_000, 19_500L)),
                List.of(committed(3, "interval", 4_000, 4_040, 4_050)));

        List<RestoreEpisode> episodes = RestoreEpisodes.of(observations);

        assertThat(episodes).hasSize(2);
        RestoreEpisode first = episodes.get(0);
        assertThat(first.nodes()).containsExactly("a", "b");
        assertThat(first.startedAt()).isEqualTo(5_100);
        assertThat(first.finishedAt()).isEqualTo(5_600);
        assertThat(first.cutAt()).isEqualTo(4_000);
        assertThat(first.lostWorkMs()).isEqualTo(1_000);
        assertThat(first.restoreMs()).isEqualTo(600);
        assertThat(first.recoveryMs()).isEqualTo(1_600);
        assertThat(episodes.get(1).failureAt()).as("the second fault").isEqualTo(19_000);
    }

    @Test
    void aRecoveryStartsWhenTheNodeAnnouncedItEvenBeforeItKnewTheCheckpoint() {
        var observations = Observed.of(List.of(
                        event("a", 2, 5_100, "restore-started", null),
                        event("a", 2, 5_400, "restored", 3L)),
                List.of(fault(1, 5_000, 5_050L)), List.of(committed(3, "interval", 4_000, 4_040, 4_050)));

        RestoreEpisode only = RestoreEpisodes.of(observations).get(0);

        assertThat(only.startedAt()).isEqualTo(5_100);
        assertThat(io.cutcheck.harness.checker.Restore.all(observations).get(0).beganAt())
                .as("the checkers' moment the checkpoint was chosen").isEqualTo(5_400);
    }

    @Test
    void anOverlappingRecoveryFromAnotherCheckpointSharesTheFailure() {
        var observations = Observed.of(List.of(
                        event("a", 1, 5_400, "restored", 3L),
                        event("b", 1, 5_200, "restore-started", 2L),
                        event("b", 1, 5_500, "restored", 2L)),
                List.of(fault(1, 5_000, null)),
                List.of(committed(2, "interval", 3_000, 3_040, 3_050), committed(3, "interval", 4_000, 4_040, 4_050)));

        List<RestoreEpisode> episodes = RestoreEpisodes.of(observations);

        assertThat(episodes).extracting(RestoreEpisode::checkpoint).containsExactly(3L, 2L);
        assertThat(episodes).extracting(RestoreEpisode::failureAt).containsExactly(5_000L, 5_000L);
    }

    @Test
    void aRestoreWithoutAnyFaultFailsAtItsOwnStart() {
        var observations = Observed.of(List.of(event("a", 1, 9_000, "restored", 3L)), List.of(),
                List.of(committed(3, "interval", 4_000, 4_040, 4_050)));

        RestoreEpisode only = RestoreEpisodes.of(observations).get(0);

        assertThat(only.failureAt()).isEqualTo(9_000);
        assertThat(only.restoreMs()).isZero();
        assertThat(only.lostWorkMs()).isEqualTo(5_000);
    }

    @Test
    void aNodeKilledAgainAndAgainRestoringOneCheckpointIsOneRecoveryPerRestore() {
        var observations = Observed.of(List.of(
                        event("coordinator", 2, 1_000, "restored", 3L),
                        event("coordinator", 3, 2_500, "restored", 3L),
                        event("coordinator", 4, 4_000, "restored", 3L),
                        event("coordinator", 5, 5_500, "restored", 3L)),
                List.of(fault(1, 900, 950L), fault(2, 2_400, 2_450L), fault(3, 3_900, 3_950L), fault(4, 5_400, 5_450L)),
                List.of(committed(3, "interval", 500, 600, 700)));

        List<RestoreEpisode> episodes = RestoreEpisodes.of(observations);

        assertThat(episodes).hasSize(4);
        assertThat(episodes).extracting(RestoreEpisode::failureAt).containsExactly(900L, 2_400L, 3_900L, 5_400L);
    }
}
