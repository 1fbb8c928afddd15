package io.cutcheck.sut.barrier;

import io.cutcheck.sut.control.TriggerRejectedException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Runs a call on a single-threaded loop from another thread (an HTTP handler) and waits for its answer. */
final class LoopCall {

    /** A call that may be refused. */
    interface Call<T> {
        T run() throws TriggerRejectedException;
    }

    private LoopCall() {
    }

    static <T> T run(BlockingQueue<Runnable> loop, Call<T> call) throws TriggerRejectedException {
        CompletableFuture<T> result = new CompletableFuture<>();
        loop.add(() -> {
            try {
                result.complete(call.run());
            } catch (TriggerRejectedException | RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TriggerRejectedException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new TriggerRejectedException("coordinator busy");
        }
    }
}
