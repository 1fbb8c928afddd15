package io.cutcheck.harness.nemesis;

import io.cutcheck.harness.runtime.NodeAddress;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a nemesis puts between the nodes and the world before any node starts, so that it can
 * later act on it: a proxy on every directed link, a fault-injecting file system under every
 * data directory. The run asks it how each node sees its peers and its data directory while it
 * writes the node configurations, and closes it after every node has stopped.
 *
 * <p>Rules: both questions are asked once per node, after every node's address is reserved and
 * before any node starts; {@link #close()} is idempotent and releases all it made (proxies,
 * mounts, helper processes), also after a partial set-up.
 */
public interface Fixture extends AutoCloseable {

    /** Nothing between the nodes and the world. */
    Fixture NONE = new Fixture() {};

    /**
     * The addresses {@code node} dials its peers at: by default the peers' own; a proxy layer
     * returns one proxy per directed link.
     *
     * @param addresses every node's own reserved address, by node name
     */
    default Map<String, NodeAddress> peersSeenBy(String node, Map<String, NodeAddress> addresses) throws IOException {
        return addresses;
    }

    /** Makes the node's data directory ready (a mount point, for instance) and returns it. */
    default Path dataDir(String node, Path dataDir) throws IOException {
        return dataDir;
    }

    @Override
    default void close() {}
}
