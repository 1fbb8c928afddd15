package io.cutcheck.harness.cleanup;

/**
 * Removes what a dead harness left outside its processes (containers, networks, mounts), for the
 * {@link Watchdog}. Runtimes that make such things offer one through {@link java.util.ServiceLoader}.
 */
public interface LeftoverCleaner {

    /**
     * Removes everything harness process {@code harnessPid}, now gone, left behind; returns how
     * many objects it removed. Must be quick and quiet when there is nothing to do (no daemon).
     */
    int cleanAfter(long harnessPid) throws Exception;
}
