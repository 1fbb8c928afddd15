package io.cutcheck.harness.sut;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** {@code GET /events?since=SEQ}: the node's incarnation, events from {@code since} on, the next seq to ask for. */
public record EventsPage(long incarnation, List<JsonNode> events, long next) {
    public EventsPage {
        events = List.copyOf(events);
    }
}
