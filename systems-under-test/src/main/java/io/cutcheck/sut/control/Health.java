package io.cutcheck.sut.control;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The answer of {@code GET /health}. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Health(int protocol, String system, String node, String role, NodeStatus status, long incarnation,
                     Long restoredFrom) {
}
