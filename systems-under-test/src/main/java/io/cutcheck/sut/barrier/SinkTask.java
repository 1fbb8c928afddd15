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
    /** Runs every call of {@link #transactions} in order, off the task thread. */
    private final OrderedWorker outputCalls = new OrderedWorker("output-store", 4);
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
        long restoreEpoch = epoch;
        try {
            // queued calls of the old epoch finish first; recovery then settles every transaction they touched
            outputCalls.submit(() -> transactions.recover(checkpoint, restoreEpoch), e -> { }).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException("output store: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private void onOutputStore(OrderedWorker.Job job) {
        outputCalls.submit(job, e -> failed("output store: " + e.getMessage()));
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
        onOutputStore(() -> transactions.add(records));
    }

    @Override
    protected boolean step() {
        // idle: push what is buffered so the output store sees steady progress
        if (System.nanoTime() - lastFlush > 50_000_000L) {
            lastFlush = System.nanoTime();
            onOutputStore(transactions::flush);
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
        long snapshotEpoch = epoch;
        onOutputStore(() -> {
            String txn = transactions.preCommit(id);
            snapshot(id, encode(txn, id), Map.of(), snapshotEpoch);
        });
    }

    @Override
    protected void onComplete(long id) {
        onOutputStore(() -> {
            transactions.committed(id);
            events.append(EventType.NOTIFIED, id);
        });
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
