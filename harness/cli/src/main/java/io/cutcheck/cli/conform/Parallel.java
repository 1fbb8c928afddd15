package io.cutcheck.cli.conform;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs the kit's independent probes at once: they mostly wait for nodes to answer, so a thread
 * each keeps the whole kit within its time budget on a small machine. Threads are daemons, so a
 * probe stuck on a node never keeps the JVM alive.
 */
final class Parallel {

    private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "conform-probe");
        t.setDaemon(true);
        return t;
    });

    private Parallel() {}

    /** Applies {@code probe} to every item at once and returns when all are done. */
    static <T> void each(List<T> items, Consumer<T> probe) {
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (T item : items) {
            all.add(CompletableFuture.runAsync(() -> probe.accept(item), POOL));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
    }

    /** Starts {@code task} on its own thread. */
    static <T> CompletableFuture<T> start(Supplier<T> task) {
        return CompletableFuture.supplyAsync(task, POOL);
    }
}
