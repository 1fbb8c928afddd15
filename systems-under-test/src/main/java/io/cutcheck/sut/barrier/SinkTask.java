package io.cutcheck.sut.barrier;

import io.cutcheck.sut.control.Content;
import io.cutcheck.sut.control.EventType;
import io.cutcheck.sut.node.NodeConfig;
import io.cutcheck.sut.storage.CheckpointStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A sink: aligns barriers across its operators' channels and writes their output records to the output
 * store through {@link TwoPhaseCommitSink} — prepare at the snapshot, commit on the completion notice.
 */
final class SinkTask extends TaskNode implements BarrierAligner.Handler {
    private final BarrierAligner aligner;
    private final TwoPhaseCommitSink transactions;
    private long lastFlush = System.nanoTime();

    SinkTask(NodeConfig config, Topology topology, CheckpointStore store, BarrierDefect defect) {
        super(config, topology, store, defect);
        this.aligner = new BarrierAligner(Set.copyOf(topology.inputsOfSink(config.node())),
                defect != BarrierDefect.NO_BARRIER_ALIGNMENT, this);
        this.transactions = new TwoPhaseCommitSink(config.node(), new OutputStoreClient(config.outputStore(), config.node()),
                defect == BarrierDefect.SINK_COMMIT_BEFORE_COMPLETE, (int) config.longOption("flushRecords", 5000));
    }

    @Override
    protected void restoreState(long checkpoint, Optional<byte[]> payload) throws IOException {
        aligner.reset();
        transactions.recover(checkpoint, epoch);
    }

    @Override
    protected void onRun() {
    }

    @Override
    protected void onData(String channel, DataMessage message) {
        aligner.deliver(channel, message);
    }

    @Override
    public void records(String channel, List<StreamRecord> records) {
        try {
            transactions.add(records);
        } catch (IOException e) {
            failed("output store: " + e.getMessage());
        }
    }

    @Override
    protected boolean step() {
        // idle: push what is buffered so the output store sees steady progress
        if (System.nanoTime() - lastFlush > 50_000_000L) {
            lastFlush = System.nanoTime();
            try {
                transactions.flush();
            } catch (IOException e) {
                failed("output store: " + e.getMessage());
            }
        }
        return false;
    }

    @Override
    public void barrierReceived(String channel, long id) {
        events.append(EventType.BARRIER_RECEIVED, id, Map.of("channel", channel));
    }

    @Override
    public void aligned(long id) {
        events.append(EventType.ALIGNED, id);
        try {
            String txn = transactions.preCommit(id);
            snapshot(id, encode(txn, id), Map.of());
        } catch (IOException e) {
            failed("output store: " + e.getMessage());
        }
    }

    @Override
    protected void onComplete(long id) {
        try {
            transactions.committed(id);
        } catch (IOException e) {
            failed("output store: " + e.getMessage());
        }
    }

    @Override
    protected Content content(long id, byte[] payload) {
        return new Content(id, config.node(), Map.of(), Map.of(), Map.of());
    }

    /** Part payload: UTF transaction name, long checkpoint id. */
    static byte[] encode(String txn, long id) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(txn);
            out.writeLong(id);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static String decodeTxn(byte[] payload) throws IOException {
        return new DataInputStream(new ByteArrayInputStream(payload)).readUTF();
    }
}
