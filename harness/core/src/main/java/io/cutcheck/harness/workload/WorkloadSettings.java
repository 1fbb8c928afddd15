package io.cutcheck.harness.workload;

/**
 * The knobs every workload understands.
 *
 * @param nodes how many worker nodes the system runs (operators, peers)
 * @param ratePerSecond target input records per second over all clients
 * @param timeLimitMillis length of the run phase
 * @param concurrency number of client processes
 * @param nodeNames the system's nodes in layout order, once laid out (empty before): a workload
 *     whose data names nodes (the bank's accounts) takes their names from here
 */
public record WorkloadSettings(int nodes, int ratePerSecond, long timeLimitMillis, int concurrency,
                               java.util.List<String> nodeNames) {
    public WorkloadSettings {
        if (nodes < 1 || ratePerSecond < 1 || timeLimitMillis < 0 || concurrency < 1) {
            throw new IllegalArgumentException("invalid workload settings: " + this);
        }
        nodeNames = java.util.List.copyOf(nodeNames);
    }

    public WorkloadSettings(int nodes, int ratePerSecond, long timeLimitMillis, int concurrency) {
        this(nodes, ratePerSecond, timeLimitMillis, concurrency, java.util.List.of());
    }

    public WorkloadSettings withNodeNames(java.util.List<String> names) {
        return new WorkloadSettings(nodes, ratePerSecond, timeLimitMillis, concurrency, names);
    }
}
