package io.cutcheck.nemesis.process;

import io.cutcheck.harness.nemesis.Fault;
import io.cutcheck.harness.nemesis.FaultContext;
import io.cutcheck.harness.nemesis.Nemesis;
import io.cutcheck.harness.runtime.Node;
import io.cutcheck.harness.runtime.Pausable;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code pause}: freezes the target nodes (SIGSTOP: sockets stay open, nothing answers, as in a
 * long GC pause or a stalled VM) and thaws them (SIGCONT) when the fault heals. Only nodes whose
 * runtime can pause them ({@link Pausable}) are paused; asking to pause another is an error.
 */
public final class PauseNemesis implements Nemesis {

    public static final String KIND = "pause";

    private final Set<String> paused = new LinkedHashSet<>();

    @Override
    public Set<String> kinds() {
        return Set.of(KIND);
    }

    @Override
    public synchronized void inject(Fault fault, FaultContext context) {
        List<Node> nodes = Targets.nodes(fault, context);
        for (Node node : nodes) {
            if (!(node instanceof Pausable)) {
                throw new IllegalArgumentException(node.name() + " runs on a runtime that cannot pause it");
            }
        }
        for (Node node : nodes) {
            ((Pausable) node).pause();
            paused.add(node.name());
        }
    }

    @Override
    public synchronized void heal(Fault fault, FaultContext context) {
        resume(Targets.nodes(fault, context));
    }

    @Override
    public synchronized void healAll(FaultContext context) {
        resume(context.nodes().stream().filter(n -> paused.contains(n.name())).toList());
    }

    private void resume(List<Node> nodes) {
        for (Node node : nodes) {
            if (node instanceof Pausable p) {
                p.resume();
            }
            paused.remove(node.name());
        }
    }
}
