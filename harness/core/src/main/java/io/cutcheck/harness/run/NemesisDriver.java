package io.cutcheck.harness.run;

import io.cutcheck.harness.nemesis.Fault;
import io.cutcheck.harness.nemesis.FaultContext;
import io.cutcheck.harness.nemesis.Nemesis;
import io.cutcheck.harness.observe.FaultRecorder;
import io.cutcheck.harness.schedule.Planned;
import io.cutcheck.harness.schedule.Schedule;
import java.util.concurrent.TimeUnit;

/**
 * Interprets the fault schedule: at each fault's planned time it injects it, and after its
 * duration heals it, recording both. Faults never overlap in a schedule, so one thread follows
 * it in order. A failure to inject or heal is recorded, not fatal: the heal phase ends every
 * fault anyway.
 */
final class NemesisDriver {

    private final Schedule<Fault> schedule;
    private final Nemesis nemesis;
    private final FaultContext context;
    private final FaultRecorder recorder;
    private Thread thread;

    NemesisDriver(Schedule<Fault> schedule, Nemesis nemesis, FaultContext context, FaultRecorder recorder) {
        this.schedule = schedule;
        this.nemesis = nemesis;
        this.context = context;
        this.recorder = recorder;
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
            String error = attempt(() -> nemesis.inject(fault, context));
            recorder.started(fault, System.currentTimeMillis(), error);
            if (!sleepUntil(startNanos, fault.startMillis() + fault.durationMillis())) {
                return;
            }
            String healError = attempt(() -> nemesis.heal(fault, context));
            recorder.healed(fault, System.currentTimeMillis(), healError);
        }
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
