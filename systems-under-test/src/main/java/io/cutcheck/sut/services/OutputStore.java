package io.cutcheck.sut.services;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The transactional output store for two-phase-commit sinks. Records are staged in a transaction and
 * become visible, in commit order, when it commits. Kept in memory: it is outside the fault domain.
 */
public final class OutputStore {

    /** A transaction as {@code GET /transactions} lists it; {@code records} is the number staged. */
    public record TxnView(String txn, String owner, Long checkpoint, TxnState state, int records) {
    }

    /** A committed output record with its place in the committed output. */
    public record Entry(long seq, String txn, Long checkpoint, byte[] record) {
    }

    private static final class Txn {
        final String name;
        String owner;
        Long checkpoint;
        TxnState state = TxnState.OPEN;
        List<byte[]> records = new ArrayList<>();

        Txn(String name) {
            this.name = name;
        }

        TxnView view() {
            return new TxnView(name, owner, checkpoint, state, records == null ? 0 : records.size());
        }
    }

    /** A committed transaction's records, holding output positions {@code first …}. */
    private record Committed(long first, String txn, Long checkpoint, List<byte[]> records) {
    }

    private final Map<String, Txn> txns = new HashMap<>();
    /**
     * The committed output, one element per transaction in commit order: a commit hands its records
     * over whole instead of making an entry per record while every stage call waits for the lock.
     */
    private final ArrayList<Committed> output = new ArrayList<>();
    private long end;
    private long staged;

    public synchronized TxnOutcome stage(String txn, String owner, List<byte[]> records) {
        Txn t = txns.computeIfAbsent(txn, Txn::new);
        if (t.state != TxnState.OPEN) {
            return TxnOutcome.CONFLICT;
        }
        if (owner != null) {
            t.owner = owner;
        }
        t.records.addAll(records);
        staged += records.size();
        return TxnOutcome.DONE;
    }

    /** Prepares (pre-commits); preparing a prepared transaction again for the same checkpoint is a no-op. */
    public synchronized TxnOutcome prepare(String txn, String owner, long checkpoint) {
        Txn t = txns.computeIfAbsent(txn, Txn::new);
        if (t.state == TxnState.PREPARED && t.checkpoint == checkpoint) {
            return TxnOutcome.DONE;
        }
        if (t.state != TxnState.OPEN) {
            return TxnOutcome.CONFLICT;
        }
        t.owner = owner;
        t.checkpoint = checkpoint;
        t.state = TxnState.PREPARED;
        return TxnOutcome.DONE;
    }

    /** Commits a prepared transaction; committing a committed one again is a no-op. */
    public synchronized TxnOutcome commit(String txn) {
        Txn t = txns.get(txn);
        if (t == null) {
            return TxnOutcome.UNKNOWN;
        }
        if (t.state == TxnState.COMMITTED) {
            return TxnOutcome.DONE;
        }
        if (t.state != TxnState.PREPARED) {
            return TxnOutcome.CONFLICT;
        }
        if (!t.records.isEmpty()) {
            output.add(new Committed(end, t.name, t.checkpoint, t.records));
            end += t.records.size();
        }
        t.records = null;
        t.state = TxnState.COMMITTED;
        return TxnOutcome.DONE;
    }

    /** Aborts an open or prepared transaction (an unknown one is recorded as aborted, fencing late writes). */
    public synchronized TxnOutcome abort(String txn) {
        Txn t = txns.computeIfAbsent(txn, Txn::new);
        if (t.state == TxnState.COMMITTED) {
            return TxnOutcome.CONFLICT;
        }
        if (t.state != TxnState.ABORTED) {
            staged -= t.records.size();
            t.records = null;
            t.state = TxnState.ABORTED;
        }
        return TxnOutcome.DONE;
    }

    public synchronized List<TxnView> transactions(String owner, TxnState state) {
        return txns.values().stream()
                .filter(t -> owner == null || owner.equals(t.owner))
                .filter(t -> state == null || state == t.state)
                .map(Txn::view)
                .sorted(java.util.Comparator.comparing(TxnView::txn))
                .toList();
    }

    public synchronized List<Entry> output(long from, int max) {
        List<Entry> page = new ArrayList<>();
        long seq = Math.max(from, 0);
        for (int i = chunkHolding(seq); i < output.size() && page.size() < max; i++) {
            Committed c = output.get(i);
            for (int j = (int) (seq - c.first()); j < c.records().size() && page.size() < max; j++) {
                page.add(new Entry(c.first() + j, c.txn(), c.checkpoint(), c.records().get(j)));
            }
            seq = c.first() + c.records().size();
        }
        return page;
    }

    /** Index of the committed transaction holding position {@code seq} ({@code output.size()} past the end). */
    private int chunkHolding(long seq) {
        int low = 0;
        int high = output.size() - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            Committed c = output.get(mid);
            if (seq < c.first()) {
                high = mid - 1;
            } else if (seq >= c.first() + c.records().size()) {
                low = mid + 1;
            } else {
                return mid;
            }
        }
        return low;
    }

    public synchronized long end() {
        return end;
    }

    /** Records staged so far in transactions not aborted (committed ones included). */
    public synchronized long staged() {
        return staged;
    }
}
