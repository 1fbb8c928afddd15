package io.cutcheck.sut.marker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class RetentionTest {

    @Test
    void keepsTheNewestCommittedAndDeletesOnlyBelowTheOldestKept() {
        Retention r = Retention.plan(Set.of(65L, 129L, 193L, 257L), 2);
        assertThat(r.keep()).containsExactlyInAnyOrder(193L, 257L);
        // 194, an uncommitted snapshot of another initiator between the kept ones, is not touched.
        assertThat(r.deleteUpTo()).isEqualTo(192L);
    }

    @Test
    void deletesNothingWhileNoCommitIsKnown() {
        Retention r = Retention.plan(Set.of(), 3);
        assertThat(r.keep()).isEmpty();
        assertThat(r.deleteUpTo()).isZero();
    }

    @Test
    void keepsAllWhenFewerThanRetainAreKnown() {
        Retention r = Retention.plan(Set.of(65L, 129L), 3);
        assertThat(r.keep()).containsExactlyInAnyOrder(65L, 129L);
        assertThat(r.deleteUpTo()).isEqualTo(64L);
    }
}
