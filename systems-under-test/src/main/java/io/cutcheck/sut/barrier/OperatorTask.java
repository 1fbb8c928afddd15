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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A keyed operator: per-key count and sum over the records of its keys, one output record per input
 * record. Barriers are aligned across all source channels before the state is snapshotted.
 */
final class OperatorTask extends TaskNode implements BarrierAligner.Handler {
    private final Map<String, long[]> state = new HashMap<>();
    private final BarrierAligner aligner;
    private final String sink;

    OperatorTask(NodeConfig config, Topology topology, CheckpointStore store, BarrierDefect defect) {
        super(config, topology, store, defect);
        this.aligner = new BarrierAligner(Set.copyOf(topology.sources()),
                defect != BarrierDefect.NO_BARRIER_ALIGNMENT, this);
        this.sink = topology.sinkOf(topology.operators().indexOf(config.node()));
    }

    @Override
    protected void restoreState(long checkpoint, Optional<byte[]> payload) throws IOException {
        aligner.reset();
        state.clear();
        if (payload.isPresent()) {
            state.putAll(decode(payload.get()));
        }
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
        List<StreamRecord> out = new ArrayList<>(records.size());
        for (StreamRecord r : records) {
            long[] totals = state.computeIfAbsent(r.key(), k -> new long[2]);
            totals[0]++;
            totals[1] += r.value();
            out.add(new StreamRecord(r.partition(), r.offset(), r.key(), r.value(), totals[0], totals[1]));
        }
        send(sink, DataCodec.records(out));
        flushOutputs();
    }

    @Override
    public void barrierReceived(String channel, long id) {
        events.append(EventType.BARRIER_RECEIVED, id, Map.of("channel", channel));
    }

    @Override
    public void aligned(long id) {
        events.append(EventType.ALIGNED, id);
        byte[] payload = encode(state);
        send(sink, DataCodec.barrier(id));
        flushOutputs();
        snapshot(id, payload, Map.of());
    }

    @Override
    protected Content content(long id, byte[] payload) {
        Map<String, Object> logical = new LinkedHashMap<>();
        try {
            decode(payload).forEach((key, totals) -> logical.put(key, Map.of("count", totals[0], "sum", totals[1])));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Content(id, config.node(), Map.of(), logical, Map.of());
    }

    /** Part payload: int n, then n × (UTF key, long count, long sum). */
    static byte[] encode(Map<String, long[]> state) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 + state.size() * 24);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(state.size());
            for (Map.Entry<String, long[]> e : state.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeLong(e.getValue()[0]);
                out.writeLong(e.getValue()[1]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static Map<String, long[]> decode(byte[] payload) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload));
        int n = in.readInt();
        Map<String, long[]> result = new HashMap<>();
        for (int i = 0; i < n; i++) {
            result.put(in.readUTF(), new long[] {in.readLong(), in.readLong()});
        }
        return result;
    }
}
