package io.cutcheck.cli.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RecipesTest {

    /** Every defect the reference systems ship (cutcheck defects) has exactly one row. */
    @Test
    void everyDefectHasOneRow() {
        assertThat(Recipes.DEFECTS).extracting(Recipe::name).doesNotHaveDuplicates().containsExactlyInAnyOrder(
                "barrier/commit-before-all-acks", "barrier/no-barrier-alignment", "barrier/metadata-before-parts-durable",
                "barrier/restore-pending-checkpoint", "barrier/sink-commit-before-complete",
                "barrier/rename-without-fsync", "barrier/ignore-fsync-error", "barrier/manifest-without-dir-fsync",
                "marker/no-channel-state", "marker/record-after-forward", "marker/manifest-before-parts-durable",
                "marker/restore-mixed-snapshots", "marker/rename-without-fsync", "marker/ignore-fsync-error",
                "marker/manifest-without-dir-fsync");
        assertThat(Recipes.DEFECTS).allMatch(Recipe::expectsInvalid);
    }

    /** The faults at once a defect row aims with are run against the correct systems too. */
    @Test
    void theCorrectSystemsGetOneRowPerFamilyOfNemesesAndOneForTheCompoundFaults() {
        List<Recipe> rows = Recipes.correct(List.of("barrier", "marker"),
                List.of(List.of("kill", "pause"), List.of("latency")));
        assertThat(rows).extracting(Recipe::name).containsExactly("barrier/correct:kill,pause",
                "barrier/correct:latency", "barrier/correct:disk-errors+kill-after-commit,slow-disk+kill-after-ack",
                "marker/correct:kill,pause", "marker/correct:latency",
                "marker/correct:disk-errors+kill-after-commit,slow-disk+kill-after-ack");
        assertThat(rows).noneMatch(Recipe::expectsInvalid);
    }
}
