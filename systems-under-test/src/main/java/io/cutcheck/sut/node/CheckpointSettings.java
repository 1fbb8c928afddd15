package io.cutcheck.sut.node;

/** The automatic triggers (0 = off), the pending-checkpoint timeout and the retention count. */
public record CheckpointSettings(long intervalMs, long everyRecords, long timeoutMs, int retain) {
    public static final CheckpointSettings DEFAULT = new CheckpointSettings(1000, 0, 10_000, 3);

    public CheckpointSettings {
        NodeConfig.require(intervalMs >= 0, "checkpoint.intervalMs must be >= 0");
        NodeConfig.require(everyRecords >= 0, "checkpoint.everyRecords must be >= 0");
        NodeConfig.require(timeoutMs > 0, "checkpoint.timeoutMs must be > 0");
        NodeConfig.require(retain >= 1, "checkpoint.retain must be >= 1");
    }
}
