package io.cutcheck.reports.figures;

import static io.cutcheck.reports.figures.Observed.committed;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutcheck.harness.observe.CheckpointObservation;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecoveryModelTest {

    private static final List<CheckpointObservation> EVERY_SECOND = List.of(
            committed(1, "interval", 1_000, 1_030, 1_040),
            committed(2, "interval", 2_000, 2_050, 2_060),
            committed(3, "external", 2_500, 2_580, 2_600),
            committed(4, "interval", 3_000, 3_020, 3_030));

    @Test
    void takesTheIntervalFromTheSpecAndTheCostFromTheCommittedCheckpoints() throws Exception {
        var spec = new ObjectMapper().readTree("{\"checkpoint\":{\"intervalMs\":2000}}");

        RecoveryModel model = RecoveryModel.of(Observed.of(List.of(), List.of(), EVERY_SECOND), spec, List.of());

        assertThat(model.intervalMs()).isEqualTo(2_000);
        assertThat(model.intervalSource()).isEqualTo("spec");
        assertThat(model.checkpointCostMs()).as("median of 40, 60, 100, 30").isEqualTo(40);
        assertThat(model.modelMs()).isEqualTo(1_040);
        assertThat(model.measured().count()).isZero();
    }

    @Test
    void withoutASpecIntervalUsesTheObservedIntervalTriggers() {
        var spec = new ObjectMapper().createObjectNode();

        RecoveryModel model = RecoveryModel.of(Observed.of(List.of(), List.of(), EVERY_SECOND), spec, List.of());

        assertThat(model.intervalMs()).isEqualTo(1_000);
        assertThat(model.intervalSource()).isEqualTo("observed");
    }

    @Test
    void measuresTheEpisodes() {
        var episodes = List.of(new RestoreEpisode(1L, List.of("a"), 1_500, 1_800, 1_400, 1_000),
                new RestoreEpisode(2L, List.of("a"), 5_000, 5_100, 4_900, 4_000));

        RecoveryModel model = RecoveryModel.of(Observed.of(List.of(), List.of(), List.of()),
                new ObjectMapper().createObjectNode(), episodes);

        assertThat(model.intervalSource()).isEqualTo("none");
        assertThat(model.measured().count()).isEqualTo(2);
        assertThat(model.measured().max()).isEqualTo(1_100);
        assertThat(model.measured().mean()).isEqualTo(950.0);
    }
}
