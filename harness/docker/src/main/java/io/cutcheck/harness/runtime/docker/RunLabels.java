package io.cutcheck.harness.runtime.docker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * @param ownerBoot the owner's machine and boot ({@code hostname/boot-id}): a pid means nothing elsewhere or after a reboot
 * @param ownerPid the harness process
 * @param ownerStart when that process started (guards against a reused pid), epoch millis
 */
public record RunLabels(String runId, String ownerBoot, long ownerPid, long ownerStart) {

    public static final String RUN = "io.cutcheck.run";
    public static final String OWNER_BOOT = "io.cutcheck.owner-boot";
    public static final String OWNER_PID = "io.cutcheck.owner-pid";
    public static final String OWNER_START = "io.cutcheck.owner-start";

    /** What an owner is, judged from this process. */
    enum Owner {
        /** the owning process runs here */
        ALIVE,
        /** it ran on this machine since this boot, or before it, and is gone */
        DEAD,
        /** it belongs to another machine sharing the daemon: not ours to judge */
        ELSEWHERE
    }

    /** Labels for a new run owned by this JVM. */
    public static RunLabels forThisProcess() {
        ProcessHandle self = ProcessHandle.current();
        String id = UUID.randomUUID().toString().substring(0, 8);
        return new RunLabels(id, thisBoot(), self.pid(), startMillis(self).orElse(0L));
    }

    public Map<String, String> asMap() {
        return Map.of(RUN, runId, OWNER_BOOT, ownerBoot, OWNER_PID, Long.toString(ownerPid), OWNER_START, Long.toString(ownerStart));
    }

    /** Reads the labels of a Docker object, if it is one of ours. */
    public static Optional<RunLabels> of(Map<String, String> labels) {
        if (labels == null || !labels.containsKey(RUN)) {
            return Optional.empty();
        }
        String boot = labels.getOrDefault(OWNER_BOOT, "");
        try {
            return Optional.of(new RunLabels(labels.get(RUN), boot,
                    Long.parseLong(labels.getOrDefault(OWNER_PID, "-1")),
                    Long.parseLong(labels.getOrDefault(OWNER_START, "0"))));
        } catch (NumberFormatException e) {
            return Optional.of(new RunLabels(labels.get(RUN), boot, -1, 0));
        }
    }

    /** Judges the owner against this machine's process table. */
    public Owner owner() {
        return owner(thisBoot(), pid -> ProcessHandle.of(pid).flatMap(RunLabels::startMillis));
    }

    /**
     * The rule, apart from the machine: an owner from another host is left alone; one from this
     * host but an earlier boot is dead; otherwise it lives when a process with its pid exists
     * and started at the recorded time (within a second: the two readings round differently).
     */
    Owner owner(String currentBoot, LongFunction<Optional<Long>> startOfPid) {
        String host = ownerBoot.contains("/") ? ownerBoot.substring(0, ownerBoot.indexOf('/')) : ownerBoot;
        String currentHost = currentBoot.substring(0, Math.max(0, currentBoot.indexOf('/')));
        if (!host.equals(currentHost)) {
            return Owner.ELSEWHERE;
        }
        if (!ownerBoot.equals(currentBoot) || ownerPid <= 0) {
            return Owner.DEAD;
        }
        boolean alive = startOfPid.apply(ownerPid)
                .map(start -> ownerStart == 0 || Math.abs(start - ownerStart) < 1000)
                .orElse(false);
        return alive ? Owner.ALIVE : Owner.DEAD;
    }

    /** {@code hostname/boot-id} of this machine (Linux); the boot part is empty where unknown. */
    static String thisBoot() {
        return read("/proc/sys/kernel/hostname").orElse(System.getenv().getOrDefault("HOSTNAME", "unknown"))
                + "/" + read("/proc/sys/kernel/random/boot_id").orElse("");
    }

    private static Optional<String> read(String file) {
        try {
            return Optional.of(Files.readString(Path.of(file)).strip());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<Long> startMillis(ProcessHandle process) {
        return process.info().startInstant().map(Instant::toEpochMilli);
    }
}
