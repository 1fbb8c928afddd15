package io.cutcheck.sut.marker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RestoreChoiceTest {

    private static Map<String, RestoreChoice.Report> reports() {
        return Map.of(
                "peer-0", new RestoreChoice.Report("peer-0", Set.of(65L, 129L), Set.of(66L), Set.of(65L, 66L, 129L, 193L)),
                "peer-1", new RestoreChoice.Report("peer-1", Set.of(66L), Set.of(65L, 129L), Set.of(65L, 66L, 129L, 193L)),
                // restarted: forgot what it was notified of; never finished 193
                "peer-2", new RestoreChoice.Report("peer-2", Set.of(), Set.of(), Set.of(65L, 66L, 129L)));
    }

    @Test
    void everyPeerRestoresTheNewestSnapshotWithAManifestAndAllParts() {
        assertThat(RestoreChoice.choose(reports(), null))
                .containsExactlyInAnyOrderEntriesOf(Map.of("peer-0", 129L, "peer-1", 129L, "peer-2", 129L));
    }

    @Test
    void aSnapshotMissingAPartIsPassedOver() {
        Map<String, RestoreChoice.Report> reports = Map.of(
                "peer-0", new RestoreChoice.Report("peer-0", Set.of(65L, 129L), Set.of(), Set.of(65L, 129L)),
                "peer-1", new RestoreChoice.Report("peer-1", Set.of(), Set.of(), Set.of(65L)));
        assertThat(RestoreChoice.choose(reports, null)).containsEntry("peer-1", 65L).containsEntry("peer-0", 65L);
    }

    @Test
    void withoutAnyCommittedSnapshotEveryPeerStartsEmpty() {
        Map<String, RestoreChoice.Report> reports = Map.of(
                "peer-0", new RestoreChoice.Report("peer-0", Set.of(), Set.of(), Set.of(1L)),
                "peer-1", new RestoreChoice.Report("peer-1", Set.of(), Set.of(), Set.of(1L)));
        assertThat(RestoreChoice.choose(reports, null)).containsEntry("peer-0", null).containsEntry("peer-1", null);
    }

    @Test
    void theMixedDefectLetsEachPeerDecideOnItsOwnKnowledge() {
        Map<String, Long> choice = RestoreChoice.choose(reports(), MarkerDefect.RESTORE_MIXED_SNAPSHOTS);
        assertThat(choice).containsEntry("peer-0", 129L).containsEntry("peer-1", 129L).containsEntry("peer-2", null);
    }
}
