package io.cutcheck.harness.system;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A system under test as the harness sees it: how to start a node (the launch command, to which
 * {@code --node-config FILE} is appended, PROTOCOL.md section 1), which nodes with which roles it
 * runs, which of them commit checkpoints, and where its live state is read after the run.
 * The reference systems are two values of this record ({@link ReferenceSystems}); a third-party
 * system is another value with its own command and layout, and nothing else changes.
 *
 * @param name the name users select it by
 * @param description one line for the help text
 * @param workload the workload it runs ({@code stream}, {@code bank})
 * @param minWorkers the least number of worker nodes ({@code --nodes}) it accepts
 * @param defaultWorkers the number of worker nodes when none is given
 * @param command the launch command
 * @param layout its nodes for a number of workers and input partitions
 * @param committerRole the role of the node that commits checkpoints and takes external
 *     triggers (coordinator, or the peer that initiates snapshots)
 * @param committerIndex which node of that role commits (0 for the one coordinator or first peer)
 * @param finalStatePath an extra endpoint with the node's live state, read after draining, or empty
 */
public record SystemDefinition(String name, String description, String workload, int minWorkers, int defaultWorkers,
                               List<String> command, Layout layout, String committerRole, int committerIndex,
                               Optional<String> finalStatePath) {
    public SystemDefinition {
        Objects.requireNonNull(name, "name");
        command = List.copyOf(command);
        Objects.requireNonNull(layout, "layout");
    }

    public List<NodeSlot> nodes(int workers, int partitions) {
        if (workers < minWorkers) {
            throw new IllegalArgumentException("the " + name + " system needs --nodes >= " + minWorkers + ": " + workers);
        }
        return layout.nodes(workers, partitions);
    }

    /** The node that commits checkpoints (and takes the harness's triggers). */
    public String committer(List<NodeSlot> slots) {
        return slots.stream()
                .filter(s -> s.role().equals(committerRole) && s.index() == committerIndex)
                .map(NodeSlot::node)
                .findFirst()
                .orElse(slots.get(0).node());
    }
}
