package io.cutcheck.nemesis.network;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Makes many Toxiproxy API calls at once. A fault touches up to a few hundred proxy streams, one
 * HTTP call each; made one after another on a loaded machine they would eat a large part of a
 * short fault's duration before it is fully in effect. Threads live only for one batch.
 */
final class ApiCalls {

    private static final int THREADS = 8;

    /** One API call on one item. */
    interface Call<T, R> {
        R apply(T item) throws IOException;
    }

    private ApiCalls() {
    }

    /**
     * Applies {@code call} to every item, {@link #THREADS} at a time, and returns the results of
     * the calls that succeeded, in the items' order; if any failed, all are still tried and the
     * first failure is thrown with the rest suppressed, after {@code succeeded} has seen every result.
     */
    static <T, R> List<R> each(List<T> items, Call<T, R> call, java.util.function.Consumer<List<R>> succeeded)
            throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(THREADS, items.size())), r -> {
            Thread thread = new Thread(r, "cutcheck-toxiproxy-call");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<R>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(pool.submit(() -> call.apply(item)));
            }
            List<R> results = new ArrayList<>();
            IOException first = null;
            for (Future<R> future : futures) {
                try {
                    results.add(future.get());
                } catch (ExecutionException e) {
                    IOException failure = e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
                    if (first == null) {
                        first = failure;
                    } else {
                        first.addSuppressed(failure);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while calling the Toxiproxy API", e);
                }
            }
            succeeded.accept(results);
            if (first != null) {
                throw first;
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
