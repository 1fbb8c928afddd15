package io.cutcheck.harness.system;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A descriptor's node layout: roles in start order, each with a count that is fixed or follows
 * the run's workers or input partitions, and a name pattern in which {@code {index}} is the
 * node's index within its role.
 */
record RoleLayout(List<Role> roles) implements Layout {

    static final String INDEX = "{index}";

    /** How many nodes of a role a run has. */
    enum Count { FIXED, WORKERS, PARTITIONS }

    record Role(String role, Count count, int fixed, String name) {
        int nodes(int workers, int partitions) {
            return switch (count) {
                case FIXED -> fixed;
                case WORKERS -> workers;
                case PARTITIONS -> partitions;
            };
        }

        String nodeName(int index) {
            return name.replace(INDEX, Integer.toString(index));
        }
    }

    RoleLayout {
        roles = List.copyOf(roles);
    }

    @Override
    public List<NodeSlot> nodes(int workers, int partitions) {
        List<NodeSlot> slots = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Role role : roles) {
            for (int i = 0; i < role.nodes(workers, partitions); i++) {
                String node = role.nodeName(i);
                if (!names.add(node)) {
                    throw new IllegalArgumentException("two nodes of the layout are named '" + node + "'");
                }
                slots.add(new NodeSlot(node, role.role(), i));
            }
        }
        return List.copyOf(slots);
    }
}
