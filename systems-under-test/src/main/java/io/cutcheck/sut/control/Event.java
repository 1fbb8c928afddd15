package io.cutcheck.sut.control;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/** One lifecycle event; {@code checkpoint} is null when the event concerns none. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Event(long seq, String node, long time, EventType type, Long checkpoint, Map<String, Object> detail) {
    public Event {
        detail = detail == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(detail));
    }
}
