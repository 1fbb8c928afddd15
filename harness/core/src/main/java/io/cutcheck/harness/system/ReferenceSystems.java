package io.cutcheck.harness.system;

import io.cutcheck.harness.services.SutJar;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The two reference systems of this project (PROTOCOL.md sections 7 and 8), started from the SUT
 * jar like any third-party system from its command: the harness never links their code.
 */
public final class ReferenceSystems {

    private ReferenceSystems() {}

    /** Coordinator, one source per input partition, {@code workers} operators (≥ 2), one sink. */
    public static SystemDefinition barrier(Path sutJar) {
        return new SystemDefinition("barrier",
                "aligned barrier snapshots (as in Flink): coordinator, sources, keyed operators, 2PC sink",
                "stream", 2, 2, command(sutJar),
                (workers, partitions) -> {
                    List<NodeSlot> slots = new ArrayList<>();
                    slots.add(new NodeSlot("coordinator", "coordinator", 0));
                    for (int i = 0; i < partitions; i++) {
                        slots.add(new NodeSlot("source-" + i, "source", i));
                    }
                    for (int i = 0; i < workers; i++) {
                        slots.add(new NodeSlot("operator-" + i, "operator", i));
                    }
                    slots.add(new NodeSlot("sink-0", "sink", 0));
                    return List.copyOf(slots);
                },
                "coordinator", 0, Optional.empty());
    }

    /** {@code workers} peers (≥ 3), fully meshed, moving money; peer-0 initiates snapshots. */
    public static SystemDefinition marker(Path sutJar) {
        return new SystemDefinition("marker",
                "Chandy-Lamport marker snapshots: fully meshed peers moving money between accounts",
                "bank", 3, 3, command(sutJar),
                (workers, partitions) -> {
                    List<NodeSlot> slots = new ArrayList<>();
                    for (int i = 0; i < workers; i++) {
                        slots.add(new NodeSlot("peer-" + i, "peer", i));
                    }
                    return List.copyOf(slots);
                },
                "peer", 0, Optional.of("/balances"));
    }

    private static List<String> command(Path sutJar) {
        return List.of(SutJar.javaCommand(), "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar",
                sutJar.toString());
    }
}
