package io.cutcheck.harness.nemesis;

import io.cutcheck.harness.runtime.Node;
import java.util.List;
import java.util.Optional;

/** What a nemesis may act on: the running nodes, by name. */
public interface FaultContext {

    List<Node> nodes();

    default Optional<Node> node(String name) {
        return nodes().stream().filter(n -> n.name().equals(name)).findFirst();
    }
}
