package io.cutcheck.harness.schedule;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which nodes a fault hits: a pure function of the target kind, the nodes and a random source,
 * kept apart from applying the fault so that it is tested with tables, not processes.
 */
public final class TargetChooser {

    private final List<String> nodes;
    private final Set<String> coordinators;

    /**
     * @param nodes every node of the system, in a stable order
     * @param coordinators the nodes that commit checkpoints (may be empty for systems without one)
     */
    public TargetChooser(List<String> nodes, Set<String> coordinators) {
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("no nodes to target");
        }
        this.nodes = List.copyOf(nodes);
        this.coordinators = Set.copyOf(coordinators);
    }

    /**
     * The chooser for faults that cannot hit {@code spared}: the same target kinds drawn from the
     * other nodes; {@code coordinator} then falls to another node when every coordinator is spared.
     */
    public TargetChooser sparing(Set<String> spared) {
        if (spared.isEmpty()) {
            return this;
        }
        List<String> able = nodes.stream().filter(n -> !spared.contains(n)).toList();
        if (able.isEmpty()) {
            throw new IllegalArgumentException("every node is spared: no node to target");
        }
        return new TargetChooser(able, coordinators.stream().filter(able::contains).collect(Collectors.toSet()));
    }

    public List<String> choose(FaultTarget target, Random random) {
        return switch (target) {
            case ONE -> List.of(pick(nodes, random));
            case COORDINATOR -> List.of(pick(coordinatorsOrAll(), random));
            case NON_COORDINATOR -> List.of(pick(othersOrAll(), random));
            case MINORITY -> minority(random);
            case ALL -> nodes;
        };
    }

    private List<String> coordinatorsOrAll() {
        List<String> inOrder = nodes.stream().filter(coordinators::contains).toList();
        return inOrder.isEmpty() ? nodes : inOrder;
    }

    private List<String> othersOrAll() {
        List<String> others = nodes.stream().filter(n -> !coordinators.contains(n)).toList();
        return others.isEmpty() ? nodes : others;
    }

    private List<String> minority(Random random) {
        int size = Math.max(1, (nodes.size() - 1) / 2);
        List<String> shuffled = new ArrayList<>(nodes);
        Collections.shuffle(shuffled, random);
        List<String> chosen = new ArrayList<>(shuffled.subList(0, size));
        chosen.sort((a, b) -> Integer.compare(nodes.indexOf(a), nodes.indexOf(b)));
        return List.copyOf(chosen);
    }

    private static String pick(List<String> from, Random random) {
        return from.get(random.nextInt(from.size()));
    }
}
