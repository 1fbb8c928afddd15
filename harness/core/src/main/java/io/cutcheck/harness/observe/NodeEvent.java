package io.cutcheck.harness.observe;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A lifecycle event of the SUT protocol (PROTOCOL.md section 2), as the harness collected it.
 *
 * @param node the node that emitted it
 * @param incarnation the node process's incarnation (differs for every start)
 * @param seq the node's sequence number within that incarnation
 * @param time the node's wall-clock time of the event (ms since the epoch)
 * @param type the event type, e.g. {@code committed}, {@code restored}
 * @param checkpoint the checkpoint it concerns, or null
 * @param detail type-specific fields, possibly empty
 * @param receivedAt the harness's wall-clock time when it received the event
 */
public record NodeEvent(String node, long incarnation, long seq, long time, String type,
                        Long checkpoint, JsonNode detail, long receivedAt) {}
