package io.cutcheck.harness.system;

import java.util.List;

/** How a system lays out its nodes for a number of worker nodes and input partitions. */
@FunctionalInterface
public interface Layout {

    List<NodeSlot> nodes(int workers, int partitions);
}
