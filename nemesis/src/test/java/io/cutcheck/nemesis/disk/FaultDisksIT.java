package io.cutcheck.nemesis.disk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cutcheck.harness.cleanup.RunFile;
import io.cutcheck.harness.nemesis.FixtureSite;
import io.cutcheck.harness.runtime.LaunchSpec;
import io.cutcheck.harness.runtime.Node;
import io.cutcheck.harness.runtime.NodeAddress;
import io.cutcheck.harness.runtime.Runtime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The run's fault disks on real mounts: shared by leases, rules merged per kind, helpers recorded, all unmounted. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FaultDisksIT {

    @TempDir
    Path base;

    @BeforeAll
    static void requireFuse() throws IOException {
        FuseRequirement.check();
    }

    /** Only the name matters to the disks: it decides whether other users may use the mount. */
    record NamedRuntime(String name) implements Runtime {
        @Override public NodeAddress reserve(String node, String role) { throw new UnsupportedOperationException(); }
        @Override public Node start(LaunchSpec spec) { throw new UnsupportedOperationException(); }
        @Override public List<Node> nodes() { return List.of(); }
        @Override public String harnessHostForNodes() { return "127.0.0.1"; }
        @Override public void close() {}
    }

    @Test
    void leasesShareOneMountPerNodeMergeRulesByKindAndTheLastCloseUnmounts() throws Exception {
        RunFile runFile = RunFile.create(base.resolve("run"));
        FixtureSite site = new FixtureSite(new NamedRuntime("local"), runFile, base.resolve("store/fixture"));
        Path data = Files.createDirectories(base.resolve("store/nodes/n1/data"));
        DiskLease first = FaultDisks.lease(site);
        DiskLease second = FaultDisks.lease(site);
        try {
            Path mounted = first.dataDir("n1", data);
            assertThat(second.dataDir("n1", mounted)).isEqualTo(mounted);
            assertThat(MountTable.ours().stream().filter(e -> e.mountpoint().equals(mounted))).hasSize(1);
            assertThat(Files.readString(runFile.path())).contains("\t" + mounted);

            FaultDisks disks = first.disks();
            assertThat(second.disks()).isSameAs(disks);
            disks.put("n1", "slow-disk", DiskNemeses.SLOW, 1);
            disks.put("n1", "disk-full", DiskNemeses.FULL, 2);
            assertThat(disks.status("n1").faults()).hasSize(DiskNemeses.SLOW.size() + DiskNemeses.FULL.size());
            assertThatThrownBy(() -> Files.writeString(mounted.resolve("f"), "x"))
                    .hasMessageContaining("No space left on device");
            disks.clear("n1", "disk-full");
            assertThat(disks.status("n1").faults()).containsExactlyElementsOf(DiskNemeses.SLOW);
            disks.clearEverywhere("slow-disk");
            assertThat(disks.status("n1").faults()).isEmpty();
            Files.writeString(mounted.resolve("f"), "x");

            first.close();
            first.close();
            assertThat(MountTable.at(mounted)).isPresent();
        } finally {
            first.close();
            second.close();
        }
        assertThat(MountTable.at(data)).isEmpty();
        assertThat(base.resolve("store/fixture/disks/n1/f")).hasContent("x");
        runFile.close();
    }
}
