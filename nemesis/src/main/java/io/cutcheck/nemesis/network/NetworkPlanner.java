package io.cutcheck.nemesis.network;

import io.cutcheck.harness.nemesis.Fault;
import io.cutcheck.nemesis.partition.CutRoutes;
import io.cutcheck.nemesis.partition.Grudges;
import io.cutcheck.nemesis.partition.Link;
import io.cutcheck.nemesis.partition.Partition;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Turns a scheduled fault into a {@link NetworkPlan}: a pure function of the fault, the nodes and
 * the proxies' names, tested with tables. Whatever is random (a shape, a shuffle) is drawn from a
 * source seeded by the fault itself (its id, kind, start and targets, all fixed by the run's
 * seed), so a replayed schedule cuts the same links.
 *
 * <p>How the schedule's targets are used: {@code partition-one} isolates the target nodes as a
 * group, {@code partition-one-way} stops the target nodes from reaching the rest; halves, bridge
 * and ring are drawn over all nodes. When the targets are every node, one and one-way draw their
 * side at random. A link fault hits every link to or from a target node, both ways.
 */
public final class NetworkPlanner {

    /** Shapes that need a third node: a bridge between two sides, a ring of majorities. */
    private static final List<Partition> NEED_THREE = List.of(Partition.BRIDGE, Partition.MAJORITIES_RING);

    private NetworkPlanner() {
    }

    public static NetworkPlan plan(NetworkFaultKind kind, Fault fault, List<String> nodes, ProxyNames names) {
        if (nodes.size() < 2) {
            throw new IllegalArgumentException("a network fault needs at least two nodes, got " + nodes);
        }
        for (String target : fault.targets()) {
            if (!nodes.contains(target)) {
                throw new IllegalArgumentException("fault " + fault.id() + " targets unknown node " + target);
            }
        }
        Random random = new Random(seed(fault));
        if (kind.isPartition()) {
            Partition shape = kind.shape().orElseGet(() -> drawShape(nodes, random));
            SortedSet<Link> cut = cut(shape, nodes, fault.targets(), random);
            return new NetworkPlan(kind.cliName(), shape.wireName(), cut, cutPlacements(fault, cut, names));
        }
        LinkToxic toxic = kind.toxic().orElseThrow();
        SortedSet<Link> links = new TreeSet<>();
        List<Placement> placements = new ArrayList<>();
        for (PortKind port : PortKind.values()) {
            for (String dialer : nodes) {
                for (String target : nodes) {
                    if (!dialer.equals(target) && (fault.targets().contains(dialer) || fault.targets().contains(target))) {
                        links.add(new Link(dialer, target));
                        String proxy = names.name(dialer, target, port);
                        for (String stream : List.of("upstream", "downstream")) {
                            placements.add(new Placement(proxy, stream, toxicName(fault, kind.cliName(), stream), toxic));
                        }
                    }
                }
            }
        }
        return new NetworkPlan(kind.cliName(), null, links, placements);
    }

    /** The directed links a partition of this shape cuts, using the targets as documented above. */
    static SortedSet<Link> cut(Partition shape, List<String> nodes, List<String> targets, Random random) {
        List<String> rest = nodes.stream().filter(n -> !targets.contains(n)).toList();
        boolean targetsAreASide = !targets.isEmpty() && !rest.isEmpty();
        return switch (shape) {
            case ONE -> targetsAreASide ? Grudges.complete(List.of(targets, rest)) : Grudges.one(nodes, random);
            case ONE_WAY -> targetsAreASide ? Grudges.oneWay(targets, rest) : Grudges.oneWay(nodes, random);
            default -> shape.cut(nodes, random);
        };
    }

    private static Partition drawShape(List<String> nodes, Random random) {
        List<Partition> possible = new ArrayList<>(List.of(Partition.values()));
        if (nodes.size() < 3) {
            possible.removeAll(NEED_THREE);
        }
        return possible.get(random.nextInt(possible.size()));
    }

    /** Each cut link silenced on both ports: upstream where its source dials, downstream where it is dialed. */
    private static List<Placement> cutPlacements(Fault fault, SortedSet<Link> cut, ProxyNames names) {
        List<Placement> placements = new ArrayList<>();
        for (PortKind port : PortKind.values()) {
            for (CutRoutes.ProxyStream s : CutRoutes.streams(cut, (client, server) -> names.name(client, server, port))) {
                placements.add(new Placement(s.proxy(), s.stream(), toxicName(fault, "cut", s.stream()), LinkToxic.cut()));
            }
        }
        return placements;
    }

    private static String toxicName(Fault fault, String what, String stream) {
        return "f" + fault.id() + "-" + what + "-" + stream;
    }

    /** A seed fixed by the fault as scheduled. */
    static long seed(Fault fault) {
        long h = 1125899906842597L;
        h = 31 * h + fault.id();
        h = 31 * h + fault.kind().hashCode();
        h = 31 * h + fault.startMillis();
        h = 31 * h + fault.targets().hashCode();
        return h ^ (h >>> 29);
    }
}
