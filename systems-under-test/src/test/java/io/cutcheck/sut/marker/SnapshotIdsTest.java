package io.cutcheck.sut.marker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SnapshotIdsTest {
    private static final long NOW = 1_764_000_000_000L;

    @Test
    void idsOfDifferentInitiatorsNeverCollideAndNameTheirInitiator() {
        SnapshotIds a = new SnapshotIds(0, () -> NOW, 0);
        SnapshotIds b = new SnapshotIds(1, () -> NOW, 0);
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            long ia = a.next();
            long ib = b.next();
            assertThat(seen.add(ia)).isTrue();
            assertThat(seen.add(ib)).isTrue();
            assertThat(SnapshotIds.initiatorIndex(ia)).isZero();
            assertThat(SnapshotIds.initiatorIndex(ib)).isEqualTo(1);
        }
    }

    @Test
    void increaseEvenWhenTheClockStandsStillOrStepsBack() {
        long[] clock = {NOW};
        SnapshotIds ids = new SnapshotIds(2, () -> clock[0], 0);
        long first = ids.next();
        clock[0] -= 10_000;
        assertThat(ids.next()).isGreaterThan(first);
    }

    @Test
    void aRestartedPeerContinuesAboveTheIdsFoundOnItsDisk() {
        long[] clock = {NOW};
        SnapshotIds before = new SnapshotIds(2, () -> clock[0], 0);
        long used = 0;
        for (int i = 0; i < 50; i++) {
            used = before.next();          // many ids within one ms: ahead of the clock
        }
        SnapshotIds after = new SnapshotIds(2, () -> clock[0], used);
        assertThat(after.next()).isGreaterThan(used);
    }
}
