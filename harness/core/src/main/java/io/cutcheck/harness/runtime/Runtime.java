package io.cutcheck.harness.runtime;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * Where nodes run: local processes, Docker containers, remote hosts. A runtime only starts and
 * controls processes; it knows nothing of the system's protocol.
 *
 * <p>Rules: {@link #reserve(String, String)} is called for every node before any
 * {@link #start(LaunchSpec)}, so each node's configuration can name all its peers.
 * {@link #close()} stops every node this runtime started, also after partial failures, and is
 * idempotent; the harness also calls it from its shutdown hook.
 */
public interface Runtime extends AutoCloseable {

    /** The name users select it by ({@code local}, {@code docker}). */
    String name();

    /** Fixes the node's ports and the host its peers dial. */
    NodeAddress reserve(String node, String role) throws IOException;

    /** Starts the node; returns once its process exists, not when it is healthy. */
    Node start(LaunchSpec spec) throws IOException;

    /** The nodes started so far, in start order. */
    List<Node> nodes();

    /** The host address at which nodes reach services the harness runs (input log, output store). */
    String harnessHostForNodes();

    /**
     * The interface the harness's services bind, so nodes can reach them: loopback for local
     * processes; a runtime whose nodes sit behind another interface (containers) widens it.
     */
    default String servicesBindHost() {
        return "127.0.0.1";
    }

    /**
     * Where the harness, on this host, reaches a port the node binds (the upstream of a proxy the
     * harness puts on a link, for instance): fixed once the node is reserved and unchanged by
     * restarts. Local nodes are reached where their peers dial them.
     */
    default InetSocketAddress reachFromHarness(NodeAddress node, int port) {
        return InetSocketAddress.createUnresolved(node.peerHost(), port);
    }

    @Override
    void close();
}
