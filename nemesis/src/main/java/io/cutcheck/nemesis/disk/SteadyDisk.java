package io.cutcheck.nemesis.disk;

import io.cutcheck.harness.nemesis.Fault;
import io.cutcheck.harness.nemesis.FaultContext;
import io.cutcheck.harness.nemesis.Fixture;
import io.cutcheck.harness.nemesis.FixtureSite;
import io.cutcheck.harness.nemesis.Nemesis;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Every node on a fault disk whose rules are in force for the whole run (none at all: the FUSE
 * layer alone), with no faults scheduled: for measuring what the layer, or a steadily slow disk,
 * costs a system. It claims no fault kind, so it composes with any nemesis.
 */
public final class SteadyDisk implements Nemesis {

    private static final String KIND = "steady-disk";

    private final List<DiskFault> rules;

    public SteadyDisk(List<DiskFault> rules) {
        this.rules = List.copyOf(rules);
    }

    @Override
    public Set<String> kinds() {
        return Set.of();
    }

    @Override
    public Fixture prepare(FixtureSite site) throws Exception {
        DiskLease lease = FaultDisks.lease(site);
        return new Fixture() {
            @Override
            public Path dataDir(String node, Path dataDir) throws IOException {
                Path mounted = lease.dataDir(node, dataDir);
                if (!rules.isEmpty()) {
                    lease.disks().put(node, KIND, rules, 0);
                }
                return mounted;
            }

            @Override
            public void close() {
                lease.close();
            }
        };
    }

    @Override
    public void inject(Fault fault, FaultContext context) {
        throw new IllegalArgumentException("a steady disk injects no faults: " + fault.kind());
    }

    @Override
    public void heal(Fault fault, FaultContext context) {
        throw new IllegalArgumentException("a steady disk heals no faults: " + fault.kind());
    }

    @Override
    public void healAll(FaultContext context) {}
}
