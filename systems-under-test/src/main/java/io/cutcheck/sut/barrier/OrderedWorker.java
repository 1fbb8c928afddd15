package io.cutcheck.sut.barrier;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Logger;

/**
 * One thread running jobs strictly in submission order, with a bounded queue: the sink's calls to the
 * output store overlap with its task thread, and a slow store pushes back instead of piling up.
 */
final class OrderedWorker {
    private static final Logger LOG = Logger.getLogger(OrderedWorker.class.getName());

    /** A job that may fail with an exception. */
    interface Job {
        void run() throws Exception;
    }

    private final BlockingQueue<Runnable> queue;

    OrderedWorker(String name, int capacity) {
        queue = new ArrayBlockingQueue<>(capacity);
        Thread thread = new Thread(() -> {
            while (true) {
                try {
                    queue.take().run();
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    LOG.warning(name + ": " + e);
                }
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues a job (blocking while the queue is full); its failure goes to {@code onError}. */
    CompletableFuture<Void> submit(Job job, java.util.function.Consumer<Exception> onError) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Runnable runnable = () -> {
            try {
                job.run();
                done.complete(null);
            } catch (Exception e) {
                onError.accept(e);
                done.completeExceptionally(e);
            }
        };
        try {
            queue.put(runnable);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            done.completeExceptionally(e);
        }
        return done;
    }
}
