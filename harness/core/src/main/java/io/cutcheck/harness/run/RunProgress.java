package io.cutcheck.harness.run;

/**
 * A snapshot of a run in progress, for the live progress line.
 *
 * @param phase the current phase, or null before set-up and after the check
 * @param runMillisLeft time left in the run phase (0 outside it)
 */
public record RunProgress(Phase phase, long runMillisLeft, long ok, long fail, long info, long committed,
                          int faultsActive, int faultsInjected) {}
