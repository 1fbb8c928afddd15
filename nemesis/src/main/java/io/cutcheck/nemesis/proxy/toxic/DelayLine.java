package io.cutcheck.nemesis.proxy.toxic;

import io.netty.buffer.ByteBuf;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.ArrayDeque;

/**
 * A first-in first-out queue of chunks and the stream's end, each released at its due time
 * (never before an earlier item), with one timer. The toxics that hold data back (latency,
 * bandwidth, slicer, slow_close) differ only in the due times they give.
 */
final class DelayLine {

    /** A due time that never comes: the item waits for {@link #releaseAll()}. */
    static final long NEVER = Long.MAX_VALUE;

    private record Item(Object content, long dueNanos) {
    }

    private final ToxicHandler owner;
    private final ArrayDeque<Item> queue = new ArrayDeque<>();
    private ScheduledFuture<?> timer;
    private long lastDueNanos = Long.MIN_VALUE;

    /** A line whose items leave through {@code owner}: chunks to the next handler, the end as the stream's end. */
    DelayLine(ToxicHandler owner) {
        this.owner = owner;
    }

    /** The due time of the last item offered (or the past, when none). */
    long lastDueNanos() {
        return lastDueNanos;
    }

    /** Queues a chunk (ByteBuf) or {@link StreamEnd#INSTANCE} to leave at {@code dueNanos}. */
    void offer(Object content, long dueNanos) {
        long due = Math.max(dueNanos, lastDueNanos);
        lastDueNanos = due;
        if (queue.isEmpty() && due <= System.nanoTime()) {
            pass(content);
            return;
        }
        queue.addLast(new Item(content, due));
        if (queue.size() == 1) {
            arm();
        }
    }

    /** Passes on every queued item now, in order, and stops the timer. */
    void releaseAll() {
        cancelTimer();
        while (!queue.isEmpty()) {
            pass(queue.pollFirst().content());
        }
        lastDueNanos = Long.MIN_VALUE;
    }

    private void drain() {
        timer = null;
        long now = System.nanoTime();
        while (!queue.isEmpty() && queue.peekFirst().dueNanos() <= now) {
            pass(queue.pollFirst().content());
        }
        if (!queue.isEmpty()) {
            arm();
        }
    }

    private void arm() {
        long due = queue.peekFirst().dueNanos();
        if (due != NEVER) {
            timer = owner.schedule(this::drain, due - System.nanoTime());
        }
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    private void pass(Object content) {
        if (content instanceof ByteBuf chunk) {
            owner.emit(chunk);
        } else {
            owner.endStream();
        }
    }
}
