package io.cutcheck.harness.runtime.docker;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.LongFunction;

/**
 * The labels on every container and network a run creates: which run owns it and which harness
 * process, so that objects whose owner died (kill -9, a CI timeout) can be found and removed at
 * the next start even though no reaper container watches them.
 *
 * @param runId unique per runtime instance
 * @param ownerPid the harness process
 * @param ownerStart when that process started (guards against a reused pid), epoch millis
 */
public record RunLabels(String runId, long ownerPid, long ownerStart) {

    public static final String RUN = "io.cutcheck.run";
    public static final String OWNER_PID = "io.cutcheck.owner-pid";
    public static final String OWNER_START = "io.cutcheck.owner-start";

    /** Labels for a new run owned by this JVM. */
    public static RunLabels forThisProcess() {
        ProcessHandle self = ProcessHandle.current();
        String id = UUID.randomUUID().toString().substring(0, 8);
        return new RunLabels(id, self.pid(), startMillis(self).orElse(0L));
    }

    public Map<String, String> asMap() {
        return Map.of(RUN, runId, OWNER_PID, Long.toString(ownerPid), OWNER_START, Long.toString(ownerStart));
    }

    /** Reads the labels of a Docker object, if it carries all of them. */
    public static Optional<RunLabels> of(Map<String, String> labels) {
        if (labels == null || !labels.containsKey(RUN)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new RunLabels(labels.get(RUN),
                    Long.parseLong(labels.getOrDefault(OWNER_PID, "-1")),
                    Long.parseLong(labels.getOrDefault(OWNER_START, "0"))));
        } catch (NumberFormatException e) {
            return Optional.of(new RunLabels(labels.get(RUN), -1, 0));
        }
    }

    /** True while the owning harness process still runs on this host. */
    public boolean ownerAlive() {
        return ownerAlive(pid -> ProcessHandle.of(pid).flatMap(RunLabels::startMillis));
    }

    /**
     * The rule, apart from the process table: the owner lives when a process with its pid exists
     * and started at the recorded time (within a second: the two readings round differently).
     */
    boolean ownerAlive(LongFunction<Optional<Long>> startOfPid) {
        if (ownerPid <= 0) {
            return false;
        }
        return startOfPid.apply(ownerPid)
                .map(start -> ownerStart == 0 || Math.abs(start - ownerStart) < 1000)
                .orElse(false);
    }

    private static Optional<Long> startMillis(ProcessHandle process) {
        return process.info().startInstant().map(Instant::toEpochMilli);
    }
}
