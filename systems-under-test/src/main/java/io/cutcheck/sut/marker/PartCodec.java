package io.cutcheck.sut.marker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A peer's part as the payload of a part file, JSON:
 * {@code {"snapshot","initiator","node","position","balances","spent","received","channels":{sender:[{"id","to","amount"}]}}}.
 */
public final class PartCodec {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PartCodec() {
    }

    public static byte[] encode(Part part) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("snapshot", part.snapshot()).put("initiator", part.initiator()).put("node", part.node())
                .put("position", part.state().position());
        root.set("balances", MAPPER.valueToTree(part.state().balances()));
        root.set("spent", MAPPER.valueToTree(part.state().spent()));
        root.set("received", MAPPER.valueToTree(part.state().received()));
        ObjectNode channels = root.putObject("channels");
        part.channels().forEach((sender, credits) -> {
            var list = channels.putArray(sender);
            credits.forEach(c -> list.addObject().put("id", c.id()).put("to", c.to()).put("amount", c.amount()));
        });
        try {
            return MAPPER.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Part decode(byte[] payload) throws IOException {
        JsonNode root = MAPPER.readTree(payload);
        Map<String, List<Credit>> channels = new TreeMap<>();
        root.path("channels").fields().forEachRemaining(e -> {
            List<Credit> credits = new ArrayList<>();
            e.getValue().forEach(c -> credits.add(new Credit(c.path("id").asText(), c.path("to").asText(),
                    c.path("amount").asLong())));
            channels.put(e.getKey(), credits);
        });
        LedgerState state = new LedgerState(longs(root.path("balances")), longs(root.path("spent")),
                longs(root.path("received")), root.path("position").asLong());
        return new Part(root.path("snapshot").asLong(), root.path("initiator").asText(), root.path("node").asText(),
                state, channels);
    }

    private static Map<String, Long> longs(JsonNode object) {
        Map<String, Long> map = new LinkedHashMap<>();
        object.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asLong()));
        return map;
    }
}
