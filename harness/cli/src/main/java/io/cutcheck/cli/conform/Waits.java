package io.cutcheck.cli.conform;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Bounded waits. Every wait of the kit has a bound, and one that lasts longer than a few seconds
 * says on standard error what it waits for, so a slow system is never mistaken for a hung kit.
 */
final class Waits {

    static final long QUIET_MILLIS = 3000;
    static final long REPEAT_MILLIS = 5000;

    private final PrintWriter err;

    Waits(PrintWriter err) {
        this.err = err;
    }

    /**
     * Polls {@code condition} every {@code pollMillis} until it holds or {@code timeout} passed.
     *
     * @return the milliseconds it took, or -1 when it did not hold in time
     */
    long until(String label, Duration timeout, long pollMillis, BooleanSupplier condition) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        long nextNote = start + QUIET_MILLIS * 1_000_000;
        while (true) {
            if (condition.getAsBoolean()) {
                return (System.nanoTime() - start) / 1_000_000;
            }
            long now = System.nanoTime();
            if (now >= deadline) {
                return -1;
            }
            if (now >= nextNote) {
                note(String.format("waiting for %s: %d s of at most %d s", label, (now - start) / 1_000_000_000,
                        timeout.toSeconds()));
                nextNote = now + REPEAT_MILLIS * 1_000_000;
            }
            if (!sleep(Math.min(pollMillis, Math.max(1, (deadline - now) / 1_000_000)))) {
                return -1;
            }
        }
    }

    /** A progress line on standard error. */
    void note(String line) {
        synchronized (err) {
            err.println("conform: " + line);
            err.flush();
        }
    }

    /** Sleeps; false when interrupted (Ctrl-C), which ends every wait at once. */
    static boolean sleep(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
