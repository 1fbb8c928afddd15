package io.cutcheck.harness.system;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A system under test as the harness sees it: how to start a node (the launch command, to which
 * {@code --node-config FILE} is appended, PROTOCOL.md section 1), which nodes with which roles it
 * runs, which of them commit checkpoints, and where its live state is read after the run.
 * Every system, the reference ones included, is read from a descriptor ({@link SystemDescriptor}):
 * a third-party system is another value with its own command and layout, and nothing else changes.
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
 * @param committerAcknowledges whether the committing node acknowledges a part of its own ({@code ack-sent});
 *     a barrier coordinator holds none, so faults aimed at acknowledgements never target it
 * @param finalStatePath an extra endpoint with the node's live state, read after draining, or empty
 * @param defects the defect names the system accepts in a node config's {@code defect}, with a line each
 * @param options the system's own {@code options} keys, with a line each
 * @param docker how its nodes run on the Docker runtime, or empty when they cannot
 */
public record SystemDefinition(String name, String description, String workload, int minWorkers, int defaultWorkers,
                               List<String> command, Layout layout, String committerRole, int committerIndex,
                               boolean committerAcknowledges,
                               Optional<String> finalStatePath, Map<String, String> defects,
                               Map<String, String> options, Optional<DockerImage> docker) {
    public SystemDefinition {
        Objects.requireNonNull(name, "name");
        command = List.copyOf(command);
        Objects.requireNonNull(layout, "layout");
        defects = Collections.unmodifiableMap(new LinkedHashMap<>(defects));
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
        Objects.requireNonNull(finalStatePath, "finalStatePath");
        Objects.requireNonNull(docker, "docker");
    }

    /** Refuses a defect the system does not declare (null: the correct system). */
    public void requireDefect(String defect) {
        if (defect != null && !defects.containsKey(defect)) {
            throw new IllegalArgumentException("the " + name + " system has no defect '" + defect + "' ("
                    + (defects.isEmpty() ? "it declares none" : "one of: " + String.join(", ", defects.keySet())) + ")");
        }
    }

    /** Refuses an option key the system does not declare. */
    public void requireOptions(Collection<String> keys) {
        for (String key : keys) {
            if (!options.containsKey(key)) {
                throw new IllegalArgumentException("the " + name + " system takes no option '" + key + "' ("
                        + (options.isEmpty() ? "it declares none" : "its options: " + String.join(", ", options.keySet()))
                        + ")");
            }
        }
    }

    public List<NodeSlot> nodes(int workers, int partitions) {
        if (workers < minWorkers) {
            throw new IllegalArgumentException("the " + name + " system needs --nodes >= " + minWorkers + ": " + workers);
        }
        return layout.nodes(workers, partitions);
    }

    /**
     * Lays the nodes out as a run with these counts would and refuses what only that shows: two
     * nodes of one name, or no node at the committer's index (a count that follows the workers or
     * the partitions can have fewer nodes than the index).
     */
    public void checkLayout(int workers, int partitions) {
        List<NodeSlot> slots;
        try {
            slots = nodes(workers, partitions);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the " + name + " system with --nodes " + workers + ": " + e.getMessage(), e);
        }
        if (slots.stream().noneMatch(s -> s.role().equals(committerRole) && s.index() == committerIndex)) {
            throw new IllegalArgumentException("the " + name + " system with --nodes " + workers + " has no committing"
                    + " node: its committer is index " + committerIndex + " of role '" + committerRole + "', which has "
                    + slots.stream().filter(s -> s.role().equals(committerRole)).count() + " node(s)");
        }
    }

    /**
     * Why the launch command cannot start on this host, or empty: its program (the first element)
     * is neither an executable file at its path nor, without a '/', on {@code PATH}.
     */
    public Optional<String> missingProgram() {
        String program = command.get(0);
        if (program.contains("/")) {
            Path file = Path.of(program);
            if (!file.isAbsolute()) {
                return Optional.empty(); // resolved where each node starts, in its own directory, not made yet
            }
            return !Files.isRegularFile(file) ? Optional.of("names a program that does not exist: " + program)
                    : !Files.isExecutable(file) ? Optional.of("names a program that is not executable: " + program)
                    : Optional.empty();
        }
        String path = Objects.requireNonNullElse(System.getenv("PATH"), "");
        boolean found = Arrays.stream(path.split(File.pathSeparator)).filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, program)).anyMatch(f -> Files.isRegularFile(f) && Files.isExecutable(f));
        return found ? Optional.empty() : Optional.of("names a program that is not on this host's PATH: " + program);
    }

    /** The nodes that never acknowledge a part: faults aimed at acknowledgements spare them. */
    public Set<String> silentNodes(List<NodeSlot> slots) {
        return committerAcknowledges ? Set.of() : Set.of(committer(slots));
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
