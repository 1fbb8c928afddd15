package io.cutcheck.nemesis.process;

import io.cutcheck.harness.nemesis.Fault;
import io.cutcheck.harness.nemesis.FaultContext;
import io.cutcheck.harness.nemesis.Nemesis;
import io.cutcheck.harness.runtime.Node;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A nemesis whose faults crash nodes: it remembers whom it crashed, and healing restarts them.
 * The final heal also restarts any node found dead, so no run drains with a node down.
 */
abstract class CrashingNemesis implements Nemesis {

    private final Set<String> down = new LinkedHashSet<>();

    /** Kills the node (if it still runs) and remembers it for the heal; call with this nemesis's lock held. */
    final void crash(Node node) {
        if (node.isAlive()) {
            node.kill();
        }
        down.add(node.name());
    }

    @Override
    public synchronized void heal(Fault fault, FaultContext context) {
        restart(Targets.nodes(fault, context));
    }

    /** Restarts every node this nemesis killed, and any other node found dead. */
    @Override
    public synchronized void healAll(FaultContext context) {
        restart(context.nodes().stream().filter(n -> down.contains(n.name()) || !n.isAlive()).toList());
    }

    private void restart(List<Node> nodes) {
        for (Node node : nodes) {
            node.restart();
            down.remove(node.name());
        }
    }
}
