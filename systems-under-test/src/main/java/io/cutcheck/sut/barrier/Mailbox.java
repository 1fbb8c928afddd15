package io.cutcheck.sut.barrier;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one queue a task thread works from. Control jobs go first and are never refused; data jobs are
 * bounded, so a slow task pushes back on its input channels (and through TCP on its upstream). A task
 * that is not running takes control jobs only: data of its new epoch can arrive before its own
 * {@code Run} (an upstream task was told to run first), and must wait for it rather than be dropped,
 * or the upstream's position moves past records nobody processed.
 */
final class Mailbox {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition notFull = lock.newCondition();
    private final ArrayDeque<Runnable> control = new ArrayDeque<>();
    private final ArrayDeque<Runnable> data = new ArrayDeque<>();
    private final int dataCapacity;

    Mailbox(int dataCapacity) {
        this.dataCapacity = dataCapacity;
    }

    void control(Runnable job) {
        lock.lock();
        try {
            control.add(job);
            notEmpty.signal();
        } finally {
            lock.unlock();
        }
    }

    void data(Runnable job) throws InterruptedException {
        lock.lock();
        try {
            while (data.size() >= dataCapacity) {
                notFull.await();
            }
            data.add(job);
            notEmpty.signal();
        } finally {
            lock.unlock();
        }
    }

    /** The next job, control first, data only if {@code withData}; null after {@code timeoutMs} without one. */
    Runnable take(long timeoutMs, boolean withData) throws InterruptedException {
        lock.lock();
        try {
            long left = TimeUnit.MILLISECONDS.toNanos(timeoutMs);
            while (control.isEmpty() && (data.isEmpty() || !withData)) {
                if (left <= 0) {
                    return null;
                }
                left = notEmpty.awaitNanos(left);
            }
            if (!control.isEmpty()) {
                return control.poll();
            }
            notFull.signal();
            return data.poll();
        } finally {
            lock.unlock();
        }
    }
}
