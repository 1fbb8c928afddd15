package io.cutcheck.harness.sut;

/** A node's answer to {@code GET /health} (PROTOCOL.md section 2), as the harness reads it. */
public record NodeHealth(int protocol, String system, String node, String role, String status, long incarnation,
                     Long restoredFrom) {

    public boolean running() {
        return "running".equals(status);
    }
}
