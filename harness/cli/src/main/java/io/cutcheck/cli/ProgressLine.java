package io.cutcheck.cli;

import io.cutcheck.harness.run.RunProgress;
import io.cutcheck.harness.run.TestRun;
import java.io.PrintWriter;

/**
 * The live progress display: one line rewritten in place on a terminal, a plain line every few
 * seconds otherwise (CI logs). Goes to standard error, so standard output holds only results.
 */
final class ProgressLine implements AutoCloseable {

    private static final long PLAIN_EVERY_MILLIS = 5000;

    private final Thread thread;
    private final boolean terminal;
    private final PrintWriter err;
    private final String label;

    private ProgressLine(TestRun run, PrintWriter err, String label) {
        this.err = err;
        this.label = label;
        this.terminal = System.console() != null;
        this.thread = new Thread(() -> loop(run), "cutcheck-progress");
        this.thread.setDaemon(true);
    }

    static ProgressLine start(TestRun run, PrintWriter err) {
        return start(run, err, "");
    }

    /** As {@link #start(TestRun, PrintWriter)}, each line led by {@code label} (which run of many). */
    static ProgressLine start(TestRun run, PrintWriter err, String label) {
        ProgressLine line = new ProgressLine(run, err, label);
        line.thread.start();
        return line;
    }

    private void loop(TestRun run) {
        try {
            while (true) {
                Thread.sleep(terminal ? 250 : PLAIN_EVERY_MILLIS);
                RunProgress p = run.progress();
                if (p.phase() == null) {
                    continue;
                }
                String text = label.isEmpty() ? format(p) : label + " | " + format(p);
                if (terminal) {
                    err.print("\r" + text + "\u001b[K");
                } else {
                    err.println(text);
                }
                err.flush();
            }
        } catch (InterruptedException e) {
            // the run ended
        }
    }

    static String format(RunProgress p) {
        String phase = p.phase() == io.cutcheck.harness.run.Phase.RUN
                ? String.format("run %3d s left", (p.runMillisLeft() + 999) / 1000) : p.phase().label();
        return String.format("%-14s | ops ok %d fail %d info %d | checkpoints %d | faults active %d (%d so far)",
                phase, p.ok(), p.fail(), p.info(), p.committed(), p.faultsActive(), p.faultsInjected());
    }

    @Override
    public void close() {
        thread.interrupt();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (terminal) {
            err.print("\r\u001b[K");
            err.flush();
        }
    }
}
