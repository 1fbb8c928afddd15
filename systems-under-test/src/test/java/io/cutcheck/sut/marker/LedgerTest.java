package io.cutcheck.sut.marker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LedgerTest {
    private final Ledger ledger = new Ledger("peer-0", 100, LedgerState.initial("peer-0", 2, 100));

    @Test
    void acceptsWhileTheInitialBalanceMinusAcceptedCoversTheAmount() {
        assertThat(ledger.apply(new Transfer(0, "t0", "peer-0/0", "peer-1/0", 60)).outcome())
                .isEqualTo(Ledger.Outcome.SENT);
        assertThat(ledger.apply(new Transfer(1, "t1", "peer-0/0", "peer-1/0", 41)).outcome())
                .isEqualTo(Ledger.Outcome.REJECTED);
        assertThat(ledger.apply(new Transfer(2, "t2", "peer-0/0", "peer-0/1", 40)).outcome())
                .isEqualTo(Ledger.Outcome.LOCAL);
        LedgerState state = ledger.capture();
        assertThat(state.balances()).containsEntry("peer-0/0", 0L).containsEntry("peer-0/1", 140L);
        assertThat(state.position()).isEqualTo(3);
    }

    @Test
    void creditsReceivedDoNotCountTowardsWhatMayBeSpent() {
        ledger.credit("peer-1", new Credit("x", "peer-0/0", 500));
        assertThat(ledger.apply(new Transfer(0, "t0", "peer-0/0", "peer-1/0", 101)).outcome())
                .isEqualTo(Ledger.Outcome.REJECTED);
        assertThat(ledger.capture().received()).containsEntry("peer-1", 1L);
    }

    @Test
    void rejectsTransfersFromForeignAccountsAndNonPositiveAmounts() {
        assertThat(ledger.apply(new Transfer(0, "t0", "peer-1/0", "peer-0/0", 1)).outcome())
                .isEqualTo(Ledger.Outcome.REJECTED);
        assertThat(ledger.apply(new Transfer(1, "t1", "peer-0/0", "peer-1/0", 0)).outcome())
                .isEqualTo(Ledger.Outcome.REJECTED);
        assertThat(ledger.capture().total()).isEqualTo(200);
    }

    @Test
    void refusesAGapInTheInput() {
        assertThatThrownBy(() -> ledger.apply(new Transfer(5, "t5", "peer-0/0", "peer-1/0", 1)))
                .isInstanceOf(IllegalStateException.class);
    }
}
