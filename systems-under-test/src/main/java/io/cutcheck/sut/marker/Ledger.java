package io.cutcheck.sut.marker;

import java.util.HashMap;
import java.util.Map;

/**
 * The live bank state of one peer. Confined to the peer's event loop; {@link #capture()} hands
 * out immutable copies for snapshots.
 */
public final class Ledger {

    /** What applying one transfer did. */
    public enum Outcome { REJECTED, LOCAL, SENT }

    /** The outcome of a transfer and, when {@link Outcome#SENT}, the credit and its destination peer. */
    public record Applied(Outcome outcome, String destination, Credit credit) {
    }

    private final String node;
    private final long initialBalance;
    private final Map<String, Long> balances;
    private final Map<String, Long> spent;
    private final Map<String, Long> received;
    private long position;

    public Ledger(String node, long initialBalance, LedgerState state) {
        this.node = node;
        this.initialBalance = initialBalance;
        this.balances = new HashMap<>(state.balances());
        this.spent = new HashMap<>(state.spent());
        this.received = new HashMap<>(state.received());
        this.position = state.position();
    }

    /**
     * Applies the transfer at the next input offset by the rule of PROTOCOL.md section 6 "bank":
     * accepted when the source account's initial balance minus what was accepted from it before
     * covers the amount. Transfers from accounts this peer does not own, to accounts that do not
     * look like {@code peer/n}, or with a non-positive amount are rejected.
     */
    public Applied apply(Transfer transfer) {
        if (transfer.offset() != position) {
            throw new IllegalStateException("transfer at offset " + transfer.offset() + ", expected " + position);
        }
        position++;
        Long alreadySpent = spent.get(transfer.from());
        String destination = Transfer.owner(transfer.to());
        if (alreadySpent == null || destination.isEmpty() || transfer.amount() <= 0
                || initialBalance - alreadySpent < transfer.amount()) {
            return new Applied(Outcome.REJECTED, null, null);
        }
        spent.put(transfer.from(), alreadySpent + transfer.amount());
        balances.merge(transfer.from(), -transfer.amount(), Long::sum);
        Credit credit = new Credit(transfer.id(), transfer.to(), transfer.amount());
        if (destination.equals(node)) {
            balances.merge(transfer.to(), transfer.amount(), Long::sum);
            return new Applied(Outcome.LOCAL, node, credit);
        }
        return new Applied(Outcome.SENT, destination, credit);
    }

    /** Applies a credit message received from {@code sender}. */
    public void credit(String sender, Credit credit) {
        balances.merge(credit.to(), credit.amount(), Long::sum);
        received.merge(sender, 1L, Long::sum);
    }

    public long position() {
        return position;
    }

    public LedgerState capture() {
        return new LedgerState(balances, spent, received, position);
    }
}
