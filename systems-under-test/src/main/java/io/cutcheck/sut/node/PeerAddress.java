package io.cutcheck.sut.node;

/** Where this node dials a peer (possibly through a proxy the harness placed on that link). */
public record PeerAddress(String role, int index, String host, int controlPort, int dataPort) {
    public PeerAddress {
        NodeConfig.require(role != null && !role.isBlank(), "a node entry has no role");
        NodeConfig.require(host != null && !host.isBlank(), "a node entry has no host");
    }
}
