package io.cutcheck.workloads.append;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The value of an {@code append} invocation: the input partition and the records to append
 * there, in order, without offsets (the input log assigns them). Encoded in the history as
 * {@code {"partition":p,"records":[…]}}.
 */
public record AppendBatch(int partition, ArrayNode records) {

    public AppendBatch {
        if (partition < 0 || records.isEmpty()) {
            throw new IllegalArgumentException("a batch needs a partition >= 0 and at least one record");
        }
    }

    public static AppendBatch of(int partition, List<? extends JsonNode> records) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode(records.size());
        records.forEach(array::add);
        return new AppendBatch(partition, array);
    }

    static boolean isBatch(JsonNode value) {
        return value != null && value.path("partition").canConvertToInt() && value.path("records").isArray()
                && !value.path("records").isEmpty();
    }

    /** Reads the value of an {@code append} invocation. */
    public static AppendBatch of(JsonNode value) {
        return new AppendBatch(value.path("partition").asInt(), (ArrayNode) value.path("records"));
    }

    public JsonNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("partition", partition);
        node.set("records", records);
        return node;
    }
}
