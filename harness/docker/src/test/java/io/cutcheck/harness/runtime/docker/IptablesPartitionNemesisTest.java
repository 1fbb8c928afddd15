package io.cutcheck.harness.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cutcheck.harness.cleanup.RunFile;
import io.cutcheck.harness.nemesis.FixtureSite;
import io.cutcheck.harness.runtime.local.LocalRuntime;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IptablesPartitionNemesisTest {

    private static final List<String> NODES = List.of("a", "b", "c", "d");

    @Test
    void oneTargetDropsEveryoneAndEveryoneDropsIt() {
        assertThat(IptablesPartitionNemesis.cuts(NODES, List.of("b"))).isEqualTo(Map.of(
                "a", List.of("b"), "b", List.of("a", "c", "d"), "c", List.of("b"), "d", List.of("b")));
    }

    @Test
    void aMinorityIsCutOffAsOneSideAndKeepsTalkingWithinItself() {
        assertThat(IptablesPartitionNemesis.cuts(NODES, List.of("a", "c"))).isEqualTo(Map.of(
                "a", List.of("b", "d"), "c", List.of("b", "d"), "b", List.of("a", "c"), "d", List.of("a", "c")));
    }

    @Test
    void everyNodeTargetedMakesEachASideOfItsOwn() {
        Map<String, List<String>> cuts = IptablesPartitionNemesis.cuts(List.of("a", "b", "c"), List.of("a", "b", "c"));
        assertThat(cuts).isEqualTo(Map.of("a", List.of("b", "c"), "b", List.of("a", "c"), "c", List.of("a", "b")));
    }

    @Test
    void anUnknownTargetIsAnError() {
        assertThatThrownBy(() -> IptablesPartitionNemesis.cuts(NODES, List.of("z")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("z");
    }

    @Test
    void onLocalProcessesItRefusesBeforeAnyNodeStarts(@TempDir Path dir) {
        RunFile runFile = RunFile.create(dir.resolve("run"));
        try (LocalRuntime local = new LocalRuntime(runFile)) {
            assertThatThrownBy(() -> new IptablesPartitionNemesis().prepare(new FixtureSite(local, runFile, dir)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("iptables-partition needs --runtime docker (it cuts links inside containers), not local");
        } finally {
            runFile.close();
        }
    }
}
