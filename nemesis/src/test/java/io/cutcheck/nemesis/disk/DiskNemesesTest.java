package io.cutcheck.nemesis.disk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cutcheck.harness.nemesis.ComposedNemesis;
import io.cutcheck.harness.nemesis.Fault;
import io.cutcheck.harness.nemesis.Nemesis;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiskNemesesTest {

    @Test
    void everyKindIsDescribedClaimsItsOwnNameAndComposesWithTheOthers() {
        DiskNemeses.KINDS.forEach(k -> assertThat(k.make().get().kinds()).containsExactly(k.name()));
        assertThat(DiskNemeses.KINDS).allMatch(k -> k.family().equals("disk") && !k.description().isBlank());
        List<Nemesis> all = DiskNemeses.KINDS.stream().map(k -> k.make().get()).toList();
        assertThat(ComposedNemesis.of(all).kinds())
                .containsExactlyInAnyOrder("slow-disk", "disk-errors", "disk-full", "lose-unsynced");
    }

    @Test
    void powerLossesAlternateBetweenCleanAndTornWithASeedOfTheirOwn() {
        Crash first = LoseUnsyncedNemesis.crashFor(0, new Fault(1, "lose-unsynced", List.of("a"), 1000, 500));
        Crash second = LoseUnsyncedNemesis.crashFor(1, new Fault(3, "lose-unsynced", List.of("a"), 4000, 500));
        Crash third = LoseUnsyncedNemesis.crashFor(2, new Fault(5, "lose-unsynced", List.of("a"), 7000, 500));
        Crash fourth = LoseUnsyncedNemesis.crashFor(3, new Fault(7, "lose-unsynced", List.of("a"), 9000, 500));
        assertThat(first.torn()).isFalse();
        assertThat(second.torn()).isTrue();
        assertThat(third.torn()).isFalse();
        assertThat(fourth.torn()).isTrue();
        assertThat(second.seed()).isNotEqualTo(fourth.seed());
    }

    @Test
    void aDiskNemesisUsedWithoutItsFixtureSaysSo() {
        Nemesis slow = DiskNemeses.KINDS.stream().filter(k -> k.name().equals("slow-disk")).findFirst().orElseThrow()
                .make().get();
        assertThatThrownBy(() -> slow.inject(new Fault(0, "slow-disk", List.of("a"), 0, 1), List::of))
                .hasMessageContaining("no fault disks");
    }

    @Test
    void theFailingDiskDropsUnsyncedDataOnFailedFsyncsAndTheFullDiskRefusesEveryWrite() {
        assertThat(DiskNemeses.ERRORS).anyMatch(f -> f.op() == DiskOp.FSYNC && f.error() == Errno.EIO && f.losesUnsynced());
        assertThat(DiskNemeses.FULL).singleElement()
                .satisfies(f -> assertThat(f.error()).isEqualTo(Errno.ENOSPC))
                .satisfies(f -> assertThat(f.probability()).isEqualTo(1.0));
    }
}
