package io.cutcheck.harness.cleanup;

import java.nio.file.Path;

/**
 * What makes a run leave nothing behind, whichever way it ends: on start it reaps what dead
 * harnesses left, creates this harness's run file and its {@link Watchdog}; on close (the end of
 * the run, or Ctrl-C through a shutdown hook) it closes the run's {@link Resources}, then the
 * run file, then the watchdog, which so finds nothing to do.
 */
public final class RunGuard implements AutoCloseable {

    private final Resources resources;
    private final RunFile runFile;
    private final Watchdog watchdog;
    private final Thread hook;

    private RunGuard(Resources resources, RunFile runFile, Watchdog watchdog, String hookName) {
        this.resources = resources;
        this.runFile = runFile;
        this.watchdog = watchdog;
        this.hook = new Thread(this::release, hookName);
        java.lang.Runtime.getRuntime().addShutdownHook(hook);
    }

    public static RunGuard start(Path runDirectory, Resources resources, String hookName) {
        LeftoverReaper.reap(runDirectory);
        RunFile runFile = RunFile.create(runDirectory);
        return new RunGuard(resources, runFile, Watchdog.start(runFile), hookName);
    }

    /** Where the run records every process it starts. */
    public RunFile runFile() {
        return runFile;
    }

    private void release() {
        resources.close();
        runFile.close();
        watchdog.close();
    }

    @Override
    public void close() {
        release();
        try {
            java.lang.Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running already
        }
    }
}
