package io.cutcheck.harness.nemesis;

import io.cutcheck.harness.runtime.Node;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** What a nemesis may act on: the running nodes, by name, and which of them commits checkpoints. */
public interface FaultContext {

    List<Node> nodes();

    default Optional<Node> node(String name) {
        return nodes().stream().filter(n -> n.name().equals(name)).findFirst();
    }

    /**
     * The node that commits checkpoints and takes the harness's triggers (the coordinator, or the
     * snapshot initiator), when the run knows it; faults aimed at a checkpoint start there.
     */
    default Optional<Node> committer() {
        return Optional.empty();
    }

    /** The context of a run: its live nodes and the name of its committing node. */
    static FaultContext of(Supplier<List<Node>> nodes, String committer) {
        return new FaultContext() {
            @Override
            public List<Node> nodes() {
                return nodes.get();
            }

            @Override
            public Optional<Node> committer() {
                return node(committer);
            }
        };
    }
}
