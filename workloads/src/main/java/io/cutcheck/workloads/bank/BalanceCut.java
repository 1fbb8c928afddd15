package io.cutcheck.workloads.bank;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutcheck.harness.checker.Anomaly;
import io.cutcheck.harness.checker.AnomalyCollector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each peer's balances in a snapshot must be what its own part says it has seen: the initial
 * balance, minus the transfers it accepted out of its accounts and plus those it credited to its
 * own accounts, over its input prefix (its position), plus the first {@code received[s]} credits
 * owed by each other peer {@code s}. A peer whose balances and position (or received counts) were
 * taken at different moments fails here even when the bank's total happens to hold.
 *
 * <p>Kept incrementally: cursors over each partition and each ordered pair of peers move from one
 * snapshot's prefix to the next, so the work grows with the input, not input × snapshots.
 */
final class BalanceCut {

    private final BankLedger ledger;
    private final long[] position;
    private final long[][] applied;
    /** account → change from its owner's own prefix (debits, and credits between its own accounts) */
    private final long[] own;
    /** account → credits applied from other peers */
    private final long[] credited;

    BalanceCut(BankLedger ledger) {
        this.ledger = ledger;
        int peers = ledger.options().peers();
        this.position = new long[peers];
        this.applied = new long[peers][peers];
        this.own = new long[ledger.accounts()];
        this.credited = new long[ledger.accounts()];
    }

    void check(long snapshot, List<PeerPart> parts, AnomalyCollector anomalies) {
        for (PeerPart part : parts) {
            movePartition(part.partition(), Math.min(part.position(), ledger.length(part.partition())));
        }
        for (PeerPart receiver : parts) {
            for (PeerPart sender : parts) {
                if (sender != receiver) {
                    long n = Math.min(receiver.receivedFrom(sender.node()),
                            ledger.creditsInAll(sender.partition(), receiver.partition()));
                    movePair(sender.partition(), receiver.partition(), n);
                }
            }
            compare(snapshot, receiver, anomalies);
        }
    }

    private void compare(long snapshot, PeerPart part, AnomalyCollector anomalies) {
        BankOptions options = ledger.options();
        List<Map<String, Object>> wrong = new ArrayList<>();
        for (int a = 0; a < options.accounts(); a++) {
            int id = part.partition() * options.accounts() + a;
            String account = ledger.account(id);
            long expected = options.initialBalance() + own[id] + credited[id];
            JsonNode actual = part.balances().get(account);
            if (actual == null || actual.asLong() != expected) {
                wrong.add(Map.of("account", account, "expected", expected, "actual", actual == null ? "missing" : actual.asLong()));
            }
        }
        if (wrong.isEmpty()) {
            return;
        }
        Map<String, Object> evidence = new LinkedHashMap<>(wrong.get(0));
        evidence.put("position", part.position());
        evidence.put("received", part.received().toString());
        evidence.put("accountsDiffering", wrong.size());
        anomalies.add(new Anomaly("balance-inconsistent", "Snapshot " + snapshot + ": " + part.node() + " has "
                + wrong.get(0).get("account") + " at " + wrong.get(0).get("actual") + ", but its position " + part.position()
                + " and credits received give " + wrong.get(0).get("expected") + ".", snapshot, part.node(), evidence));
    }

    private void movePartition(int p, long target) {
        for (long o = position[p]; o < target; o++) {
            apply(p, (int) o, 1);
        }
        for (long o = position[p] - 1; o >= target; o--) {
            apply(p, (int) o, -1);
        }
        position[p] = target;
    }

    private void apply(int p, int o, int sign) {
        if (!ledger.accepted(p, o)) {
            return;
        }
        long amount = ledger.amount(p, o);
        own[ledger.from(p, o)] -= sign * amount;
        int to = ledger.to(p, o);
        if (ledger.peerOf(to) == p) {
            own[to] += sign * amount;
        }
    }

    private void movePair(int s, int r, long target) {
        for (long n = applied[s][r]; n < target; n++) {
            int o = ledger.creditOffset(s, r, (int) n);
            credited[ledger.to(s, o)] += ledger.amount(s, o);
        }
        for (long n = applied[s][r] - 1; n >= target; n--) {
            int o = ledger.creditOffset(s, r, (int) n);
            credited[ledger.to(s, o)] -= ledger.amount(s, o);
        }
        applied[s][r] = target;
    }
}
