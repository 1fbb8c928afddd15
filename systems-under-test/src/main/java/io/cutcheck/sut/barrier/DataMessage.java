package io.cutcheck.sut.barrier;

import java.util.List;

/** What flows on a data channel (source → operator → sink). */
public sealed interface DataMessage {

    /** First frame of a data connection: who sends, for which epoch. */
    record Hello(String sender, long epoch) implements DataMessage {
    }

    /** A batch of records in channel order. */
    record Records(List<StreamRecord> records) implements DataMessage {
    }

    /** Everything before it on this channel belongs to checkpoint {@code id}, everything after to the next. */
    record Barrier(long id) implements DataMessage {
    }
}
