package io.cutcheck.nemesis.process;

import io.cutcheck.harness.nemesis.Fault;
import io.cutcheck.harness.nemesis.FaultContext;
import io.cutcheck.harness.runtime.Node;
import java.util.List;

/** Resolves a fault's target names to the running nodes; an unknown name is an error. */
final class Targets {

    private Targets() {}

    static List<Node> nodes(Fault fault, FaultContext context) {
        return fault.targets().stream()
                .map(name -> context.node(name).orElseThrow(
                        () -> new IllegalArgumentException("fault " + fault.id() + " targets unknown node " + name)))
                .toList();
    }
}
