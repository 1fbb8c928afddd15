package io.cutcheck.harness.runtime.docker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs a change of a container's state (kill, start, pause, firewall rules) to its end even when
 * the calling thread is interrupted, as happens when a run ends while a fault is being injected
 * or healed: an interrupt would cut the request to the daemon, or the iptables command, half-way
 * and leave the container in a state nobody knows. The caller still waits for the change.
 */
final class Uninterrupted {

    /** A change that may fail with an {@link IOException}. */
    interface Change {
        void run() throws IOException;
    }

    private static final ExecutorService CALLS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "cutcheck-docker-change");
        t.setDaemon(true);
        return t;
    });

    private Uninterrupted() {}

    static void run(Runnable change) {
        try {
            // join(), unlike get(), does not return early on an interrupt
            CompletableFuture.runAsync(change, CALLS).join();
        } catch (CompletionException e) {
            throw unwrap(e);
        }
    }

    static void runIo(Change change) throws IOException {
        try {
            run(() -> {
                try {
                    change.run();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static RuntimeException unwrap(CompletionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return e;
    }
}
