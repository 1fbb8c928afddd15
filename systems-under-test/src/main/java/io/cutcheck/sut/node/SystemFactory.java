package io.cutcheck.sut.node;

import java.util.List;

/**
 * A reference system the jar can run, found with {@link java.util.ServiceLoader}
 * ({@code META-INF/services/io.cutcheck.sut.node.SystemFactory}).
 */
public interface SystemFactory {
    /** The {@code system} value of the node-config files this factory serves. */
    String name();

    /** Its deliberate defect variants, for the node-config {@code defect} field. */
    List<Defect> defects();

    /**
     * Starts the node of {@code config.role()} and returns once it is serving; the JVM lives on its threads.
     * Throws {@link BadConfigException} for a configuration this system cannot run.
     */
    void start(NodeConfig config) throws Exception;
}
