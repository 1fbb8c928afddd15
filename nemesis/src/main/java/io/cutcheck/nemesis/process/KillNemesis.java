package io.cutcheck.nemesis.process;

import io.cutcheck.harness.nemesis.Fault;
import io.cutcheck.harness.nemesis.FaultContext;
import io.cutcheck.harness.nemesis.Nemesis;
import io.cutcheck.harness.runtime.Node;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code kill}: crashes the target nodes like {@code kill -9} (no shutdown hooks, nothing
 * flushed) and, when the fault heals, starts them again from their launch spec and data
 * directory, as an operator's supervisor would.
 */
public final class KillNemesis implements Nemesis {

    public static final String KIND = "kill";

    private final Set<String> down = new LinkedHashSet<>();

    @Override
    public Set<String> kinds() {
        return Set.of(KIND);
    }

    @Override
    public synchronized void inject(Fault fault, FaultContext context) {
        for (Node node : Targets.nodes(fault, context)) {
            node.kill();
            down.add(node.name());
        }
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
