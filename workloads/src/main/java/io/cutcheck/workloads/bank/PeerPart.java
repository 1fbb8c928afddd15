package io.cutcheck.workloads.bank;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * One peer's part of a snapshot, read from its content (PROTOCOL.md sections 2 and 6): balances,
 * credits received per sender, the channels recorded in flight per sender, and its position in
 * its own partition.
 */
record PeerPart(String node, int partition, long position, JsonNode balances, JsonNode received, JsonNode channels) {

    /** Peer {@code peer}'s part (node {@code node}); its position in partition {@code peer} is 0 when it names none. */
    static PeerPart of(String node, int peer, JsonNode content) {
        return new PeerPart(node, peer,
                content.path("positions").path(String.valueOf(peer)).asLong(0),
                content.path("state").path("balances"), content.path("state").path("received"),
                content.path("channels"));
    }

    long balanceTotal() {
        long total = 0;
        for (JsonNode b : balances) {
            total += b.asLong();
        }
        return total;
    }

    long inFlightTotal() {
        long total = 0;
        for (JsonNode channel : channels) {
            for (JsonNode message : channel) {
                total += message.path("amount").asLong();
            }
        }
        return total;
    }

    long receivedFrom(String sender) {
        return received.path(sender).asLong(0);
    }

    JsonNode channelFrom(String sender) {
        return channels.path(sender);
    }

    static Map<String, Object> sums(PeerPart part) {
        return Map.of("balances", part.balanceTotal(), "inFlight", part.inFlightTotal(), "position", part.position());
    }
}
