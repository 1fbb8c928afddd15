package io.cutcheck.sut.barrier;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The sink's transaction logic. Records go into the open transaction; at checkpoint {@code n}'s snapshot
 * the open transaction is prepared for {@code n} and a new one opened; when the coordinator says
 * checkpoint {@code n} committed, every prepared transaction up to {@code n} commits (an aborted
 * checkpoint's transaction rides along with the next one that commits). Recovery to checkpoint {@code c}
 * commits this sink's prepared transactions up to {@code c} and aborts the others and the open one.
 */
final class TwoPhaseCommitSink {
    private final String owner;
    private final TransactionalOutput output;
    private final boolean commitAtSnapshot;
    private final int flushAt;
    private final TreeMap<Long, String> prepared = new TreeMap<>();
    private final List<StreamRecord> buffer = new ArrayList<>();
    private String open;
    private long epoch;
    private long sequence;

    TwoPhaseCommitSink(String owner, TransactionalOutput output, boolean commitAtSnapshot, int flushAt) {
        this.owner = owner;
        this.output = output;
        this.commitAtSnapshot = commitAtSnapshot;
        this.flushAt = flushAt;
    }

    void recover(long checkpoint, long newEpoch) throws IOException {
        buffer.clear();
        prepared.clear();
        for (TransactionalOutput.Txn txn : output.list("prepared")) {
            if (txn.checkpoint() != null && txn.checkpoint() <= checkpoint) {
                output.commit(txn.name());
            } else {
                output.abort(txn.name());
            }
        }
        for (TransactionalOutput.Txn txn : output.list("open")) {
            output.abort(txn.name());
        }
        epoch = newEpoch;
        sequence = 0;
        open = nextName();
    }

    void add(List<StreamRecord> records) throws IOException {
        buffer.addAll(records);
        if (buffer.size() >= flushAt) {
            flush();
        }
    }

    void flush() throws IOException {
        if (!buffer.isEmpty()) {
            output.stage(open, List.copyOf(buffer));
            buffer.clear();
        }
    }

    /** Pre-commits everything since the previous checkpoint as checkpoint {@code id}'s transaction; returns its name. */
    String preCommit(long id) throws IOException {
        flush();
        String txn = open;
        output.prepare(txn, id);
        if (commitAtSnapshot) {
            output.commit(txn);
        } else {
            prepared.put(id, txn);
        }
        open = nextName();
        return txn;
    }

    /** Commits every prepared transaction up to checkpoint {@code id}; returns their names. */
    List<String> committed(long id) throws IOException {
        List<String> done = new ArrayList<>();
        Iterator<Map.Entry<Long, String>> it = prepared.headMap(id, true).entrySet().iterator();
        while (it.hasNext()) {
            String txn = it.next().getValue();
            output.commit(txn);
            done.add(txn);
            it.remove();
        }
        return done;
    }

    Map<Long, String> prepared() {
        return Map.copyOf(prepared);
    }

    String open() {
        return open;
    }

    private String nextName() {
        return owner + "-" + epoch + "-" + (++sequence);
    }
}
