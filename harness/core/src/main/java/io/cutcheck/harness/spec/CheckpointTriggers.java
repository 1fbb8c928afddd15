package io.cutcheck.harness.spec;

/**
 * The automatic checkpoint triggers every node is configured with (PROTOCOL.md section 1).
 *
 * @param intervalMillis trigger every this many ms (0 = off)
 * @param everyRecords trigger every this many input records (0 = off)
 * @param timeoutMillis abort a pending checkpoint after this long
 * @param retain how many committed checkpoints a node keeps
 */
public record CheckpointTriggers(long intervalMillis, long everyRecords, long timeoutMillis, int retain) {
    public CheckpointTriggers {
        if (intervalMillis < 0) {
            throw new IllegalArgumentException("the checkpoint interval must be >= 0: " + intervalMillis + " ms");
        }
        if (everyRecords < 0) {
            throw new IllegalArgumentException("checkpoint every N records must have N >= 0: " + everyRecords);
        }
        if (timeoutMillis <= 0) {
            throw new IllegalArgumentException("the checkpoint timeout must be positive: " + timeoutMillis + " ms");
        }
        if (retain < 1) {
            throw new IllegalArgumentException("at least one committed checkpoint must be retained: " + retain);
        }
    }

    public static CheckpointTriggers defaults() {
        return new CheckpointTriggers(1000, 0, 10_000, 3);
    }

    public CheckpointTriggers withIntervalMillis(long value) {
        return new CheckpointTriggers(value, everyRecords, timeoutMillis, retain);
    }

    public CheckpointTriggers withEveryRecords(long value) {
        return new CheckpointTriggers(intervalMillis, value, timeoutMillis, retain);
    }
}
