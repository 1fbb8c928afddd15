package io.cutcheck.harness.workload;

/**
 * The knobs every workload understands.
 *
 * @param nodes how many worker nodes the system runs (operators, peers)
 * @param ratePerSecond target input records per second over all clients
 * @param timeLimitMillis length of the run phase
 * @param concurrency number of client processes
 */
public record WorkloadSettings(int nodes, int ratePerSecond, long timeLimitMillis, int concurrency) {
    public WorkloadSettings {
        if (nodes < 1 || ratePerSecond < 1 || timeLimitMillis < 0 || concurrency < 1) {
            throw new IllegalArgumentException("invalid workload settings: " + this);
        }
    }
}
