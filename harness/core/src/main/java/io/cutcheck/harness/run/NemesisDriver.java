package io.cutcheck.harness.run;

import io.cutcheck.harness.nemesis.Fault;
import io.cutcheck.harness.nemesis.FaultContext;
import io.cutcheck.harness.nemesis.Nemesis;
import io.cutcheck.harness.observe.FaultRecorder;
import io.cutcheck.harness.schedule.Planned;
import io.cutcheck.harness.schedule.Schedule;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Interprets the fault schedule: at each fault's planned time it injects it, and after its
 * duration heals it, recording both, with the newest checkpoint begun when it began. A replayed
 * fault that names a checkpoint ({@link Fault#afterCheckpoint}) first waits for the system to
 * begin it, so it meets the same checkpoint as in the saved run; its heal moves by the wait.
 * Faults never overlap in a schedule, so one thread follows it in order. A failure to inject or
 * heal is recorded, not fatal: the heal phase ends every fault anyway.
 */
final class NemesisDriver {

    /** The longest a fault waits for its checkpoint: a system slower than the saved run still meets its faults. */
    static final long CHECKPOINT_PATIENCE_MILLIS = 3000;
    private static final long POLL_MILLIS = 10;

    private final Schedule<Fault> schedule;
    private final Nemesis nemesis;
    private final FaultContext context;
    private final FaultRecorder recorder;
    private final LongSupplier newestCheckpoint;
    private Thread thread;

    /** @param newestCheckpoint the highest checkpoint id the run has seen begun (0 for none) */
    NemesisDriver(Schedule<Fault> schedule, Nemesis nemesis, FaultContext context, FaultRecorder recorder,
                  LongSupplier newestCheckpoint) {
        this.schedule = schedule;
        this.nemesis = nemesis;
        this.context = context;
        this.recorder = recorder;
        this.newestCheckpoint = newestCheckpoint;
    }

    void start(long startNanos) {
        thread = new Thread(() -> follow(startNanos), "cutcheck-nemesis");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops following the schedule; a fault in effect stays for the heal phase. */
    void stop() {
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void follow(long startNanos) {
        for (Planned<Fault> planned : schedule.items()) {
            Fault fault = planned.what();
            if (!sleepUntil(startNanos, fault.startMillis())) {
                return;
            }
            long waited = awaitCheckpoint(fault);
            if (waited < 0) {
                return;
            }
            long checkpoint = newestCheckpoint.getAsLong();
            String error = attempt(() -> nemesis.inject(fault, context));
            recorder.started(fault, System.currentTimeMillis(), error, checkpoint);
            if (!sleepUntil(startNanos, fault.startMillis() + waited + fault.durationMillis())) {
                return;
            }
            String healError = attempt(() -> nemesis.heal(fault, context));
            recorder.healed(fault, System.currentTimeMillis(), healError);
        }
    }

    /** Waits (bounded) until the fault's checkpoint has begun; the ms waited, or -1 when interrupted. */
    private long awaitCheckpoint(Fault fault) {
        if (fault.afterCheckpoint() == null) {
            return 0;
        }
        long began = System.nanoTime();
        long patience = TimeUnit.MILLISECONDS.toNanos(Math.min(CHECKPOINT_PATIENCE_MILLIS, fault.durationMillis()));
        try {
            while (newestCheckpoint.getAsLong() < fault.afterCheckpoint() && System.nanoTime() - began < patience) {
                TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            return -1;
        }
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
    }

    private interface Action {
        void run() throws Exception;
    }

    private static String attempt(Action action) {
        try {
            action.run();
            return null;
        } catch (Exception e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    private static boolean sleepUntil(long startNanos, long atMillis) {
        long waitNanos = startNanos + TimeUnit.MILLISECONDS.toNanos(atMillis) - System.nanoTime();
        if (waitNanos <= 0) {
            return !Thread.currentThread().isInterrupted();
        }
        try {
            TimeUnit.NANOSECONDS.sleep(waitNanos);
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }
}
