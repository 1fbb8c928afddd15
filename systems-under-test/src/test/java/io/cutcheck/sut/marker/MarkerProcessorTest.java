package io.cutcheck.sut.marker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MarkerProcessorTest {
    private final RecordingOutbox outbox = new RecordingOutbox();

    private MarkerProcessor peer0(MarkerDefect defect) {
        return new MarkerProcessor("peer-0", Set.of("peer-1", "peer-2"),
                new Ledger("peer-0", 100, LedgerState.initial("peer-0", 1, 100)), outbox, defect);
    }

    @Test
    void recordsEachChannelUntilItsMarkerArrives() {
        MarkerProcessor peer = peer0(null);
        peer.onMarker("peer-1", 65, "peer-0");                          // first marker: record, forward
        assertThat(outbox.markers).containsExactly(65L);
        peer.onCredit("peer-1", new Credit("a", "peer-0/0", 5));        // after peer-1's marker: not in flight
        peer.onCredit("peer-2", new Credit("b", "peer-0/0", 7));        // before peer-2's marker: in flight
        assertThat(outbox.parts).isEmpty();
        peer.onMarker("peer-2", 65, "peer-0");
        peer.onCredit("peer-2", new Credit("c", "peer-0/0", 9));        // after: not recorded

        assertThat(outbox.parts).singleElement().satisfies(part -> {
            assertThat(part.state().balances()).containsEntry("peer-0/0", 100L);
            assertThat(part.channels().get("peer-1")).isEmpty();
            assertThat(part.channels().get("peer-2")).containsExactly(new Credit("b", "peer-0/0", 7));
            assertThat(part.total()).isEqualTo(107);
        });
    }

    @Test
    void concurrentSnapshotsKeepTheirOwnRecordings() {
        MarkerProcessor peer = peer0(null);
        peer.initiate(1);                                               // ours
        peer.onCredit("peer-1", new Credit("a", "peer-0/0", 5));        // in flight for 1 only
        peer.onMarker("peer-2", 66, "peer-1");                          // peer-1's snapshot reaches us via peer-2
        peer.onCredit("peer-1", new Credit("b", "peer-0/0", 7));        // in flight for 1 and 66
        peer.onMarker("peer-1", 1, "peer-0");
        peer.onMarker("peer-2", 1, "peer-0");
        peer.onMarker("peer-1", 66, "peer-1");

        assertThat(outbox.markers).containsExactly(1L, 66L);
        assertThat(outbox.parts).extracting(Part::snapshot).containsExactly(1L, 66L);
        Part ours = outbox.parts.get(0);
        Part theirs = outbox.parts.get(1);
        assertThat(ours.channels().get("peer-1")).extracting(Credit::id).containsExactly("a", "b");
        assertThat(ours.state().balances()).containsEntry("peer-0/0", 100L);
        assertThat(theirs.channels().get("peer-1")).extracting(Credit::id).containsExactly("b");
        assertThat(theirs.channels().get("peer-2")).isEmpty();
        assertThat(theirs.state().balances()).containsEntry("peer-0/0", 105L);
        assertThat(theirs.initiator()).isEqualTo("peer-1");
    }

    @Test
    void creditsForOtherPeersGoOutAndLocalOnesApplyAtOnce() {
        MarkerProcessor peer = new MarkerProcessor("peer-0", Set.of("peer-1", "peer-2"),
                new Ledger("peer-0", 100, LedgerState.initial("peer-0", 2, 100)), outbox, null);
        peer.applyInput(List.of(new Transfer(0, "t0", "peer-0/0", "peer-2/0", 10),
                new Transfer(1, "t1", "peer-0/0", "peer-0/1", 20)));
        assertThat(outbox.credits).containsExactly(
                new RecordingOutbox.Sent("peer-2", new Credit("t0", "peer-2/0", 10)));
        assertThat(peer.ledger().capture().balances()).containsEntry("peer-0/1", 120L);
    }

    @Test
    void noChannelStateDefectLosesMoneyInFlight() {
        MarkerProcessor peer = peer0(MarkerDefect.NO_CHANNEL_STATE);
        peer.initiate(1);
        peer.onCredit("peer-1", new Credit("a", "peer-0/0", 5));
        peer.onMarker("peer-1", 1, "peer-0");
        peer.onMarker("peer-2", 1, "peer-0");
        assertThat(outbox.parts.get(0).channels().get("peer-1")).isEmpty();
    }

    @Test
    void recordAfterForwardDefectRecordsStateAfterMoreInputWentOut() {
        MarkerProcessor peer = peer0(MarkerDefect.RECORD_AFTER_FORWARD);
        peer.initiate(1);
        assertThat(outbox.markers).containsExactly(1L);
        peer.applyInput(List.of(new Transfer(0, "t0", "peer-0/0", "peer-1/0", 30)));
        peer.onMarker("peer-1", 1, "peer-0");
        peer.onMarker("peer-2", 1, "peer-0");
        // The debit is in the recorded state, but its credit left after the marker: lost from the cut.
        assertThat(outbox.parts.get(0).state().balances()).containsEntry("peer-0/0", 70L);
        assertThat(outbox.parts.get(0).state().position()).isEqualTo(1);
    }

    @Test
    void abortDropsRecordingsInProgress() {
        MarkerProcessor peer = peer0(null);
        peer.initiate(1);
        peer.abortAll();
        peer.onMarker("peer-1", 1, "peer-0");   // a fresh recording, as after a restore
        assertThat(peer.inProgress()).containsExactly(1L);
    }
}
