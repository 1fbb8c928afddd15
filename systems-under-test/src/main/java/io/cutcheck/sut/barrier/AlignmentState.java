package io.cutcheck.sut.barrier;

import java.util.HashSet;
import java.util.Set;

/**
 * Barrier alignment over a task's input channels, one small class per state; each barrier event
 * returns the next state. A channel that {@link #blocks} has delivered the barrier being aligned and
 * must not be processed further until the barrier has arrived on every channel.
 */
sealed interface AlignmentState {

    /** Told when the barrier of checkpoint {@code id} has arrived on every channel. */
    interface Listener {
        void aligned(long id);
    }

    boolean blocks(String channel);

    AlignmentState onBarrier(String channel, long id, Listener listener);

    static AlignmentState initial(Set<String> channels, boolean aligned) {
        return aligned ? new Idle(channels, 0) : new Unaligned(0);
    }

    /** No barrier outstanding; {@code last} is the last checkpoint aligned. */
    record Idle(Set<String> channels, long last) implements AlignmentState {
        @Override
        public boolean blocks(String channel) {
            return false;
        }

        @Override
        public AlignmentState onBarrier(String channel, long id, Listener listener) {
            if (id <= last) {
                return this;
            }
            return new Aligning(channels, id, Set.of()).onBarrier(channel, id, listener);
        }
    }

    /** Barrier {@code id} has arrived on the channels in {@code arrived}, which are blocked. */
    record Aligning(Set<String> channels, long id, Set<String> arrived) implements AlignmentState {
        @Override
        public boolean blocks(String channel) {
            return arrived.contains(channel);
        }

        @Override
        public AlignmentState onBarrier(String channel, long barrier, Listener listener) {
            if (barrier < id) {
                return this;
            }
            if (barrier > id) {
                // checkpoint id was abandoned upstream: align on the newer one instead
                return new Idle(channels, id).onBarrier(channel, barrier, listener);
            }
            Set<String> now = new HashSet<>(arrived);
            now.add(channel);
            if (now.containsAll(channels)) {
                listener.aligned(id);
                return new Idle(channels, id);
            }
            return new Aligning(channels, id, Set.copyOf(now));
        }
    }

    /** The {@code no-barrier-alignment} defect: snapshot on the first barrier of a checkpoint, never block. */
    record Unaligned(long last) implements AlignmentState {
        @Override
        public boolean blocks(String channel) {
            return false;
        }

        @Override
        public AlignmentState onBarrier(String channel, long id, Listener listener) {
            if (id <= last) {
                return this;
            }
            listener.aligned(id);
            return new Unaligned(id);
        }
    }
}
