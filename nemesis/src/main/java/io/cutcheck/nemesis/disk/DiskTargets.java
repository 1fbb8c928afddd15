package io.cutcheck.nemesis.disk;

import io.cutcheck.harness.nemesis.Fault;
import io.cutcheck.harness.nemesis.FaultContext;
import io.cutcheck.harness.runtime.Node;
import java.util.List;

/** Resolves a disk fault's target names to running nodes; an unknown name is an error. */
final class DiskTargets {

    private DiskTargets() {}

    static List<Node> nodes(Fault fault, FaultContext context) {
        return fault.targets().stream()
                .map(name -> context.node(name).orElseThrow(
                        () -> new IllegalArgumentException("fault " + fault.id() + " targets unknown node " + name)))
                .toList();
    }

    /** The run's disks, or a clear error when the nemesis was used without its fixture. */
    static FaultDisks require(DiskLease lease, String kind) {
        if (lease == null) {
            throw new IllegalStateException(kind + ": no fault disks (the nemesis was not prepared before the run)");
        }
        return lease.disks();
    }
}
