package io.cutcheck.nemesis.network;

import io.cutcheck.nemesis.partition.Partition;
import java.util.Arrays;
import java.util.Optional;

/**
 * The network faults by the names {@code --nemesis} takes, each with one sentence of help. A
 * partition silences whole directed links (every byte held until it heals, as a dropped route
 * does, never lost); a link fault puts one toxic on both directions of every link to or from its
 * target nodes. All are undone by removing what they put on the proxies.
 */
public enum NetworkFaultKind {
    PARTITION("partition", null, null,
            "cut links in a shape drawn per fault among the five below"),
    PARTITION_HALVES("partition-halves", Partition.HALVES, null,
            "two random halves that cannot reach each other"),
    PARTITION_ONE("partition-one", Partition.ONE, null,
            "isolate the target nodes from all the others"),
    PARTITION_BRIDGE("partition-bridge", Partition.BRIDGE, null,
            "two halves joined only through one bridge node"),
    PARTITION_RING("partition-ring", Partition.MAJORITIES_RING, null,
            "each node hears only the majority centred on it"),
    PARTITION_ONE_WAY("partition-one-way", Partition.ONE_WAY, null,
            "targets cannot reach the others, who still reach them"),
    LATENCY("latency", null, LinkToxic.latency(200, 100),
            "200 ms +- 100 ms on the target nodes' links, order kept"),
    BANDWIDTH("bandwidth", null, LinkToxic.bandwidth(4),
            "the target nodes' links throttled to 4 KB/s each way"),
    RESET("reset", null, LinkToxic.resetPeer(0),
            "TCP RST on the target nodes' links once data flows"),
    TIMEOUT("timeout", null, LinkToxic.timeout(500),
            "target nodes' links drop data, close after 500 ms"),
    SLICER("slicer", null, LinkToxic.slicer(16, 8, 1000),
            "target nodes' traffic sliced into 8-24 bytes, 1 ms apart");

    private final String cliName;
    private final Partition shape;
    private final LinkToxic toxic;
    private final String description;

    NetworkFaultKind(String cliName, Partition shape, LinkToxic toxic, String description) {
        this.cliName = cliName;
        this.shape = shape;
        this.toxic = toxic;
        this.description = description;
    }

    public String cliName() {
        return cliName;
    }

    public String description() {
        return description;
    }

    /** A partition silences links; the others put a toxic on them. */
    public boolean isPartition() {
        return toxic == null;
    }

    /** The fixed shape of a partition kind; empty for {@link #PARTITION}, which draws one per fault. */
    public Optional<Partition> shape() {
        return Optional.ofNullable(shape);
    }

    /** The toxic of a link fault; empty for partitions. */
    public Optional<LinkToxic> toxic() {
        return Optional.ofNullable(toxic);
    }

    public static Optional<NetworkFaultKind> byCliName(String name) {
        return Arrays.stream(values()).filter(k -> k.cliName.equals(name)).findFirst();
    }
}
