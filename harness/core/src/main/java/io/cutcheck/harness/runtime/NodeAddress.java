package io.cutcheck.harness.runtime;

/**
 * Where a node listens and how others reach it, fixed before any node starts so that every
 * node's configuration can name every peer.
 *
 * @param node the node's name, unique in the run
 * @param bindHost the interface the node binds (inside its container, for Docker)
 * @param controlPort the port of the node's control API, as the node binds it
 * @param dataPort the port of the node's data channels, as the node binds it
 * @param peerHost the host name or address other nodes dial to reach this node
 */
public record NodeAddress(String node, String bindHost, int controlPort, int dataPort, String peerHost) {}
