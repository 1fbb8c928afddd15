package io.cutcheck.sut.barrier;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Holds a task's {@link AlignmentState} and the messages of blocked channels: a blocked channel's
 * messages wait here, in order, until alignment releases the channel.
 */
final class BarrierAligner {

    /** Where released messages go. */
    interface Handler extends AlignmentState.Listener {
        void records(String channel, List<StreamRecord> records);

        void barrierReceived(String channel, long id);
    }

    private final Set<String> channels;
    private final boolean aligned;
    private final Handler handler;
    private final Map<String, ArrayDeque<DataMessage>> held = new HashMap<>();
    private AlignmentState state;

    BarrierAligner(Set<String> channels, boolean aligned, Handler handler) {
        this.channels = Set.copyOf(channels);
        this.aligned = aligned;
        this.handler = handler;
        reset();
    }

    /** Back to no barrier outstanding and nothing held (a restore). */
    void reset() {
        state = AlignmentState.initial(channels, aligned);
        held.clear();
    }

    AlignmentState state() {
        return state;
    }

    int held(String channel) {
        ArrayDeque<DataMessage> queue = held.get(channel);
        return queue == null ? 0 : queue.size();
    }

    void deliver(String channel, DataMessage message) {
        ArrayDeque<DataMessage> queue = held.get(channel);
        if (state.blocks(channel) || (queue != null && !queue.isEmpty())) {
            held.computeIfAbsent(channel, c -> new ArrayDeque<>()).add(message);
            return;
        }
        process(channel, message);
        release();
    }

    private void process(String channel, DataMessage message) {
        if (message instanceof DataMessage.Records r) {
            handler.records(channel, r.records());
        } else if (message instanceof DataMessage.Barrier b) {
            handler.barrierReceived(channel, b.id());
            state = state.onBarrier(channel, b.id(), handler);
        }
    }

    /** Processes held messages of every channel that is no longer blocked, until nothing more moves. */
    private void release() {
        boolean moved = true;
        while (moved) {
            moved = false;
            for (Map.Entry<String, ArrayDeque<DataMessage>> e : held.entrySet()) {
                ArrayDeque<DataMessage> queue = e.getValue();
                while (!queue.isEmpty() && !state.blocks(e.getKey())) {
                    process(e.getKey(), queue.poll());
                    moved = true;
                }
            }
        }
    }
}
