package io.cutcheck.nemesis.disk;

import io.cutcheck.harness.nemesis.Fault;
import io.cutcheck.harness.nemesis.FaultContext;
import io.cutcheck.harness.nemesis.Fixture;
import io.cutcheck.harness.nemesis.FixtureSite;
import io.cutcheck.harness.nemesis.Nemesis;
import io.cutcheck.harness.runtime.Node;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A disk fault made of {@link DiskFault} rules (slow, failing or full disk): while the fault
 * lasts the rules are in force on the target nodes' disks, and healing lifts them. The nodes keep
 * running: they see slow or failing system calls, as with a real degraded disk.
 */
public final class RuleNemesis implements Nemesis {

    private final String kind;
    private final List<DiskFault> rules;
    private volatile DiskLease lease;

    public RuleNemesis(String kind, List<DiskFault> rules) {
        if (rules.isEmpty()) {
            throw new IllegalArgumentException(kind + ": a disk fault needs at least one rule");
        }
        this.kind = kind;
        this.rules = List.copyOf(rules);
    }

    @Override
    public Set<String> kinds() {
        return Set.of(kind);
    }

    List<DiskFault> rules() {
        return rules;
    }

    @Override
    public Fixture prepare(FixtureSite site) throws Exception {
        lease = FaultDisks.lease(site);
        return lease;
    }

    @Override
    public void inject(Fault fault, FaultContext context) throws Exception {
        FaultDisks disks = DiskTargets.require(lease, kind);
        for (Node node : DiskTargets.nodes(fault, context)) {
            disks.put(node.name(), kind, rules, fault.id());
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("fault", fault.id());
            line.put("kind", kind);
            line.put("node", node.name());
            line.put("at", System.currentTimeMillis());
            line.put("rules", rules);
            disks.note(line);
        }
    }

    @Override
    public void heal(Fault fault, FaultContext context) throws Exception {
        FaultDisks disks = DiskTargets.require(lease, kind);
        for (Node node : DiskTargets.nodes(fault, context)) {
            disks.clear(node.name(), kind);
        }
    }

    @Override
    public void healAll(FaultContext context) throws Exception {
        if (lease != null) {
            lease.disks().clearEverywhere(kind);
        }
    }
}
