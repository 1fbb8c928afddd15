package io.cutcheck.harness.run;

import io.cutcheck.harness.client.Client;
import io.cutcheck.harness.history.Op;
import io.cutcheck.harness.history.OpType;
import io.cutcheck.harness.observe.HistoryRecorder;
import io.cutcheck.harness.schedule.Planned;
import io.cutcheck.harness.schedule.Schedule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;

/**
 * Interprets the workload's schedule: one thread per logical process performs that process's
 * operations at their planned times, recording invoke and completion. It enforces the client
 * contract: a completion keeps its process and function, a thrown exception or a hang past the
 * timeout becomes {@code INFO} (and the process gets a fresh client, as the hung call may still
 * be running).
 */
final class ClientDriver {

    private final Schedule<Op> schedule;
    private final IntFunction<Client> clients;
    private final HistoryRecorder history;
    private final long timeoutMillis;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean stopped;

    ClientDriver(Schedule<Op> schedule, IntFunction<Client> clients, HistoryRecorder history, long timeoutMillis) {
        this.schedule = schedule;
        this.clients = clients;
        this.history = history;
        this.timeoutMillis = timeoutMillis;
    }

    void start(long startNanos) {
        Map<Integer, List<Planned<Op>>> byProcess = new TreeMap<>();
        for (Planned<Op> p : schedule.items()) {
            byProcess.computeIfAbsent(p.what().process(), k -> new ArrayList<>()).add(p);
        }
        byProcess.forEach((process, plan) -> {
            Thread t = new Thread(() -> perform(process, plan, startNanos), "cutcheck-client-" + process);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        });
    }

    /** No new operations; waits for operations in flight to complete or time out. */
    void stop() {
        stopped = true;
        threads.forEach(Thread::interrupt);
        for (Thread t : threads) {
            try {
                t.join(timeoutMillis + 2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void perform(int process, List<Planned<Op>> plan, long startNanos) {
        ExecutorService caller = newCaller(process);
        Client client = clients.apply(process);
        try {
            for (Planned<Op> planned : plan) {
                long waitNanos = startNanos + TimeUnit.MILLISECONDS.toNanos(planned.atMillis()) - System.nanoTime();
                if (waitNanos > 0) {
                    try {
                        TimeUnit.NANOSECONDS.sleep(waitNanos);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (stopped) {
                    return;
                }
                Op invocation = planned.what();
                history.record(invocation);
                Client current = client;
                Future<Op> call = caller.submit(() -> current.invoke(invocation));
                Op completion;
                try {
                    completion = checked(invocation, call.get(timeoutMillis, TimeUnit.MILLISECONDS));
                } catch (TimeoutException e) {
                    call.cancel(true);
                    completion = invocation.complete(OpType.INFO, null, "timed out after " + timeoutMillis + " ms");
                    caller.shutdownNow();
                    caller = newCaller(process);
                    closeQuietly(client);
                    client = clients.apply(process);
                } catch (ExecutionException e) {
                    completion = invocation.complete(OpType.INFO, null, "client threw " + e.getCause());
                } catch (InterruptedException e) {
                    // stopping while an operation is in flight: give it its time, then record it
                    completion = awaitAfterInterrupt(invocation, call);
                    history.record(completion);
                    return;
                }
                history.record(completion);
            }
        } finally {
            caller.shutdownNow();
            closeQuietly(client);
        }
    }

    private Op awaitAfterInterrupt(Op invocation, Future<Op> call) {
        try {
            return checked(invocation, call.get(timeoutMillis, TimeUnit.MILLISECONDS));
        } catch (ExecutionException e) {
            return invocation.complete(OpType.INFO, null, "client threw " + e.getCause());
        } catch (TimeoutException | InterruptedException e) {
            call.cancel(true);
            return invocation.complete(OpType.INFO, null, "unfinished when the run phase ended");
        }
    }

    private static Op checked(Op invocation, Op completion) {
        if (completion == null || !completion.type().isCompletion() || completion.process() != invocation.process()
                || !completion.f().equals(invocation.f())) {
            return invocation.complete(OpType.INFO, null, "the client returned no valid completion: " + completion);
        }
        return completion;
    }

    private static ExecutorService newCaller(int process) {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "cutcheck-call-" + process);
            t.setDaemon(true);
            return t;
        });
    }

    private static void closeQuietly(Client client) {
        try {
            client.close();
        } catch (RuntimeException ignored) {
            // a client that fails to close leaks at most a connection
        }
    }
}
