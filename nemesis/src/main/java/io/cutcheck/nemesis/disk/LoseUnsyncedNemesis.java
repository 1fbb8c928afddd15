package io.cutcheck.nemesis.disk;

import io.cutcheck.harness.nemesis.Fault;
import io.cutcheck.harness.nemesis.FaultContext;
import io.cutcheck.harness.nemesis.Fixture;
import io.cutcheck.harness.nemesis.FixtureSite;
import io.cutcheck.harness.nemesis.Nemesis;
import io.cutcheck.harness.runtime.Node;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code lose-unsynced}: a power loss of the target nodes. Each node is killed (SIGKILL, so it
 * holds no open file), then its disk crashes: every write not fsynced and every directory change
 * not made durable by a directory fsync is lost. Every second fault of a run is a torn crash,
 * which lets a seeded random part of that through (whole 4 KiB pages, an oldest-first prefix of
 * the directory changes). When the fault heals the nodes start again on what survived.
 */
public final class LoseUnsyncedNemesis implements Nemesis {

    public static final String KIND = "lose-unsynced";

    private final Set<String> down = new LinkedHashSet<>();
    private volatile DiskLease lease;
    private int losses;

    @Override
    public Set<String> kinds() {
        return Set.of(KIND);
    }

    @Override
    public Fixture prepare(FixtureSite site) throws Exception {
        lease = FaultDisks.lease(site);
        return lease;
    }

    /**
     * The {@code n}-th power loss of the run (from 0): clean when even, torn when odd (seeded by the
     * fault), so every run with two or more has both. Counted per nemesis, not by fault id: kinds
     * take turns in a schedule, so fault ids of one kind are often all even or all odd.
     */
    static Crash crashFor(int n, Fault fault) {
        return n % 2 == 0 ? Crash.clean() : Crash.torn(fault.id() * 7919L + fault.startMillis());
    }

    @Override
    public synchronized void inject(Fault fault, FaultContext context) throws Exception {
        FaultDisks disks = DiskTargets.require(lease, KIND);
        Crash crash = crashFor(losses++, fault);
        for (Node node : DiskTargets.nodes(fault, context)) {
            node.kill();
            down.add(node.name());
            CrashReport report = disks.crash(node.name(), crash);
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("fault", fault.id());
            line.put("kind", KIND);
            line.put("node", node.name());
            line.put("at", System.currentTimeMillis());
            line.put("torn", crash.torn());
            line.put("crash", report);
            disks.note(line);
        }
    }

    @Override
    public synchronized void heal(Fault fault, FaultContext context) {
        restart(DiskTargets.nodes(fault, context));
    }

    /** Restarts every node this nemesis took down that is still down. */
    @Override
    public synchronized void healAll(FaultContext context) {
        restart(context.nodes().stream().filter(n -> down.contains(n.name()) && !n.isAlive()).toList());
        down.clear();
    }

    private void restart(List<Node> nodes) {
        for (Node node : nodes) {
            node.restart();
            down.remove(node.name());
        }
    }
}
