package io.cutcheck.sut.barrier;

import io.cutcheck.sut.wire.FrameChannel;
import java.io.IOException;

/** The coordinator's connection to one incarnation of a task. */
final class TaskSession {
    final String node;
    final long incarnation;
    final FrameChannel channel;
    volatile long lastSeen = System.currentTimeMillis();
    long lastRecordsRead;

    TaskSession(String node, long incarnation, FrameChannel channel) {
        this.node = node;
        this.incarnation = incarnation;
        this.channel = channel;
    }

    /** Sends; a failure closes the session, whose reader then reports it lost. */
    void send(ControlMessage message) {
        try {
            channel.sendNow(ControlCodec.encode(message));
        } catch (IOException e) {
            channel.close();
        }
    }

    void close() {
        channel.close();
    }
}
