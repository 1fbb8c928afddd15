package io.cutcheck.harness.sut;

/** {@code GET /health} of a node (PROTOCOL.md section 2). */
public record Health(int protocol, String system, String node, String role, String status, long incarnation,
                     Long restoredFrom) {

    public boolean running() {
        return "running".equals(status);
    }
}
