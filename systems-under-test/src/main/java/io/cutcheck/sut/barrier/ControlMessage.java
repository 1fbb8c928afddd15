package io.cutcheck.sut.barrier;

import io.cutcheck.sut.storage.PartInfo;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The messages between the coordinator and its tasks, on one FIFO frame connection per task. */
public sealed interface ControlMessage {

    /** Task → coordinator, first frame of a connection. */
    record Hello(String node, long incarnation) implements ControlMessage {
    }

    /** Task → coordinator every 200 ms; sources report how many records they have read in this incarnation. */
    record Heartbeat(long recordsRead) implements ControlMessage {
    }

    /** Task → coordinator: its part of checkpoint {@code id} (positions: input partition → next offset, sources only). */
    record Ack(long epoch, long id, PartInfo part, Map<Integer, Long> positions) implements ControlMessage {
    }

    /** Task → coordinator: state loaded from {@code checkpoint} (0 = empty state) for {@code epoch}. */
    record Restored(long epoch, long checkpoint) implements ControlMessage {
    }

    /** Task → coordinator: its part of {@code checkpoint} is missing or corrupt. */
    record RestoreFailed(long epoch, long checkpoint, String cause) implements ControlMessage {
    }

    /** Task → coordinator: a data channel of {@code epoch} broke. */
    record ChannelFailed(long epoch, String cause) implements ControlMessage {
    }

    /**
     * Coordinator → task: stop, drop every channel, load {@code checkpoint} (0 = empty state) and wait for Run.
     * With {@code part} the task verifies its part against it; without, it loads its part if it has one.
     */
    record Restore(long epoch, long checkpoint, Optional<PartInfo> part) implements ControlMessage {
    }

    /** Coordinator → task: open the data channels of {@code epoch} and process. */
    record Run(long epoch) implements ControlMessage {
    }

    /** Coordinator → source: inject barrier {@code id}. */
    record Trigger(long epoch, long id, String reason) implements ControlMessage {
    }

    /** Coordinator → task: checkpoint {@code id} committed; parts of {@code retained} stay, older others go. */
    record Complete(long id, List<Long> retained) implements ControlMessage {
    }

    /** Coordinator → task: checkpoint {@code id} was aborted. */
    record Abort(long id, String cause) implements ControlMessage {
    }
}
