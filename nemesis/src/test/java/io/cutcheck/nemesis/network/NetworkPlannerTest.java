package io.cutcheck.nemesis.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cutcheck.harness.nemesis.Fault;
import io.cutcheck.nemesis.partition.Link;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class NetworkPlannerTest {

    static final List<String> NODES = List.of("a", "b", "c", "d", "e");
    static final ProxyNames NAMES = new ProxyNames("run");

    static Fault fault(int id, String kind, String... targets) {
        return new Fault(id, kind, List.of(targets), 1000L * id, 1500);
    }

    static NetworkPlan plan(NetworkFaultKind kind, Fault fault) {
        return NetworkPlanner.plan(kind, fault, NODES, NAMES);
    }

    @Test
    void partitionOneIsolatesTheTargetBothWaysOnBothPorts() {
        NetworkPlan plan = plan(NetworkFaultKind.PARTITION_ONE, fault(3, "partition-one", "c"));

        assertThat(plan.shape()).isEqualTo("one");
        assertThat(plan.links()).hasSize(8).allMatch(l -> l.from().equals("c") || l.to().equals("c"));
        assertThat(plan.placements()).hasSize(8 * 2 * 2)
                .allMatch(p -> p.toxic().equals(LinkToxic.cut()))
                .contains(new Placement("run.c.a.data", "upstream", "f3-cut-upstream", LinkToxic.cut()),
                        new Placement("run.a.c.data", "downstream", "f3-cut-downstream", LinkToxic.cut()),
                        new Placement("run.a.c.control", "upstream", "f3-cut-upstream", LinkToxic.cut()));
    }

    @Test
    void oneWayStopsTheTargetsFromReachingTheRestOnly() {
        NetworkPlan plan = plan(NetworkFaultKind.PARTITION_ONE_WAY, fault(1, "partition-one-way", "a", "b"));

        assertThat(plan.links()).hasSize(6).allMatch(l -> Set.of("a", "b").contains(l.from()))
                .noneMatch(l -> Set.of("a", "b").contains(l.to()));
        // a->c is silenced where a dials c (upstream) and where c dials a (its answers, downstream)
        assertThat(plan.placements()).contains(
                new Placement("run.a.c.data", "upstream", "f1-cut-upstream", LinkToxic.cut()),
                new Placement("run.c.a.data", "downstream", "f1-cut-downstream", LinkToxic.cut()));
        assertThat(plan.placements()).noneMatch(p -> p.proxy().equals("run.a.c.data") && p.stream().equals("downstream"));
    }

    @Test
    void targetsThatAreEveryNodeLeaveTheSideToChance() {
        NetworkPlan plan = plan(NetworkFaultKind.PARTITION_ONE, fault(2, "partition-one", NODES.toArray(String[]::new)));

        assertThat(plan.links()).hasSize(8);
    }

    @Test
    void partitionDrawsEveryShapeAcrossFaultsAndTheSameShapeForTheSameFault() {
        Set<String> shapes = new HashSet<>();
        IntStream.range(0, 60).forEach(id -> shapes.add(plan(NetworkFaultKind.PARTITION, fault(id, "partition", "a")).shape()));
        assertThat(shapes).containsExactlyInAnyOrder("halves", "one", "bridge", "majorities-ring", "one-way");

        Fault fault = fault(17, "partition", "b");
        assertThat(plan(NetworkFaultKind.PARTITION, fault)).isEqualTo(plan(NetworkFaultKind.PARTITION, fault));
    }

    @Test
    void twoNodesNeverDrawAShapeThatNeedsThree() {
        for (int id = 0; id < 40; id++) {
            NetworkPlan plan = NetworkPlanner.plan(NetworkFaultKind.PARTITION, fault(id, "partition", "a"),
                    List.of("a", "b"), NAMES);
            assertThat(plan.shape()).isIn("halves", "one", "one-way");
            assertThat(plan.links()).isNotEmpty();
        }
    }

    @Test
    void aLinkFaultHitsEveryLinkOfItsTargetsBothWays() {
        NetworkPlan plan = plan(NetworkFaultKind.LATENCY, fault(4, "latency", "b"));

        assertThat(plan.shape()).isNull();
        assertThat(plan.links()).hasSize(8).contains(new Link("b", "a"), new Link("a", "b"));
        assertThat(plan.placements()).hasSize(8 * 2 * 2).allMatch(p -> p.toxic().type().equals("latency"))
                .allMatch(p -> p.toxicName().equals("f4-latency-" + p.stream()));
        assertThat(plan.placements().stream().map(p -> p.proxy() + "/" + p.toxicName()).distinct()).hasSize(32);
    }

    @Test
    void everyLinkFaultKindPlacesItsOwnToxic() {
        assertThat(plan(NetworkFaultKind.RESET, fault(0, "reset", "a")).placements().get(0).toxic())
                .isEqualTo(LinkToxic.resetPeer(0));
        assertThat(plan(NetworkFaultKind.BANDWIDTH, fault(0, "bandwidth", "a")).placements().get(0).toxic().attribute("rate"))
                .isPositive();
        assertThat(plan(NetworkFaultKind.TIMEOUT, fault(0, "timeout", "a")).placements().get(0).toxic().attribute("timeout"))
                .isPositive();
        assertThat(plan(NetworkFaultKind.SLICER, fault(0, "slicer", "a")).placements().get(0).toxic().type())
                .isEqualTo("slicer");
    }

    @Test
    void anUnknownTargetIsRefused() {
        assertThatThrownBy(() -> plan(NetworkFaultKind.LATENCY, fault(0, "latency", "zz")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown node zz");
    }

    @Test
    void everyKindHasAHelpLineAndTheCliNameMapsBack() {
        for (NetworkFaultKind kind : NetworkFaultKind.values()) {
            assertThat(kind.description()).isNotBlank();
            assertThat(NetworkFaultKind.byCliName(kind.cliName())).contains(kind);
            assertThat(NetworkNemeses.isNetworkKind(kind.cliName())).isTrue();
        }
        assertThat(NetworkNemeses.isNetworkKind("kill")).isFalse();
        assertThat(NetworkNemeses.DESCRIPTIONS).containsKeys("partition", "latency", "bandwidth", "reset", "timeout",
                "slicer", "partition-halves", "partition-one", "partition-bridge", "partition-ring", "partition-one-way");
    }
}
