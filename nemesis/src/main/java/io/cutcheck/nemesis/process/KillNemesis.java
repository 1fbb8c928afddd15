package io.cutcheck.nemesis.process;

import io.cutcheck.harness.nemesis.Fault;
import io.cutcheck.harness.nemesis.FaultContext;
import io.cutcheck.harness.runtime.Node;
import java.util.Set;

/**
 * {@code kill}: crashes the target nodes like {@code kill -9} (no shutdown hooks, nothing
 * flushed) and, when the fault heals, starts them again from their launch spec and data
 * directory, as an operator's supervisor would.
 */
public final class KillNemesis extends CrashingNemesis {

    public static final String KIND = "kill";

    @Override
    public Set<String> kinds() {
        return Set.of(KIND);
    }

    @Override
    public synchronized void inject(Fault fault, FaultContext context) {
        for (Node node : Targets.nodes(fault, context)) {
            crash(node);
        }
    }
}
