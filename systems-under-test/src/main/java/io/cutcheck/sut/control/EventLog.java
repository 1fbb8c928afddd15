package io.cutcheck.sut.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The in-memory event log of one incarnation: a ring of the newest {@link #CAPACITY} events,
 * numbered from 0. Readers page with {@link #since}; events that fell out of the ring are skipped.
 */
public final class EventLog {
    public static final int CAPACITY = 131_072;

    /** A page of events and the sequence number to ask for next. */
    public record Page(List<Event> events, long next) {
    }

    private final String node;
    private final Event[] ring = new Event[CAPACITY];
    private long nextSeq;

    public EventLog(String node) {
        this.node = node;
    }

    public synchronized Event append(EventType type, Long checkpoint, Map<String, Object> detail) {
        Event event = new Event(nextSeq, node, System.currentTimeMillis(), type, checkpoint, detail);
        ring[(int) (nextSeq % CAPACITY)] = event;
        nextSeq++;
        return event;
    }

    public Event append(EventType type, Long checkpoint) {
        return append(type, checkpoint, Map.of());
    }

    public synchronized Page since(long seq, int max) {
        long from = Math.min(Math.max(Math.max(seq, 0), nextSeq - CAPACITY), nextSeq);
        // from + max would overflow for a since near Long.MAX_VALUE: a page past the newest event came back with a negative next
        long to = from + Math.min(max, nextSeq - from);
        List<Event> events = new ArrayList<>((int) Math.max(0, to - from));
        for (long s = from; s < to; s++) {
            events.add(ring[(int) (s % CAPACITY)]);
        }
        return new Page(events, to);
    }
}
