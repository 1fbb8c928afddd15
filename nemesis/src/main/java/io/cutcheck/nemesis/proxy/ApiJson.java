package io.cutcheck.nemesis.proxy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cutcheck.nemesis.proxy.toxic.Toxic;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The API's JSON: request bodies read the way Go's decoder reads them (keys matched ignoring
 * case, unknown keys ignored, {@code null} leaves a field as it was, a wrong type is a bad
 * request), and responses written in the field order Toxiproxy writes.
 */
final class ApiJson {

    static final ObjectMapper MAPPER = new ObjectMapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private ApiJson() {
    }

    /** The body as a JSON value: an empty body is Go's "EOF", and JSON {@code null} is absent. */
    static Optional<JsonNode> parse(String body) throws ApiError {
        if (body.isBlank()) {
            throw ApiError.badRequestBody("EOF");
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            return node == null || node.isNull() ? Optional.empty() : Optional.of(node);
        } catch (JsonProcessingException e) {
            throw ApiError.badRequestBody(e.getOriginalMessage());
        }
    }

    /** Requires an object (Go: "cannot unmarshal array into Go value of type ..."). */
    static JsonNode object(Optional<JsonNode> node, String goType) throws ApiError {
        if (node.isEmpty()) {
            return MAPPER.createObjectNode();
        }
        if (!node.get().isObject()) {
            throw ApiError.badRequestBody("json: cannot unmarshal " + goKind(node.get()) + " into Go value of type " + goType);
        }
        return node.get();
    }

    /** The member named {@code key}, matched as Go does: exactly first, else ignoring case. */
    static Optional<JsonNode> member(JsonNode object, String key) {
        JsonNode exact = object.get(key);
        if (exact != null) {
            return exact.isNull() ? Optional.empty() : Optional.of(exact);
        }
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getKey().equalsIgnoreCase(key)) {
                return field.getValue().isNull() ? Optional.empty() : Optional.of(field.getValue());
            }
        }
        return Optional.empty();
    }

    static Optional<String> string(JsonNode object, String key) throws ApiError {
        Optional<JsonNode> value = member(object, key);
        if (value.isPresent() && !value.get().isTextual()) {
            throw typeError(value.get(), key, "string");
        }
        return value.map(JsonNode::asText);
    }

    static Optional<Boolean> bool(JsonNode object, String key) throws ApiError {
        Optional<JsonNode> value = member(object, key);
        if (value.isPresent() && !value.get().isBoolean()) {
            throw typeError(value.get(), key, "bool");
        }
        return value.map(JsonNode::asBoolean);
    }

    static Optional<Float> float32(JsonNode object, String key) throws ApiError {
        Optional<JsonNode> value = member(object, key);
        if (value.isPresent() && !value.get().isNumber()) {
            throw typeError(value.get(), key, "float32");
        }
        return value.map(node -> (float) node.asDouble());
    }

    /** The attributes the toxic kind knows, as integers; other keys are ignored. */
    static Map<String, Long> attributes(JsonNode object, List<String> known) throws ApiError {
        Map<String, Long> values = new LinkedHashMap<>();
        Optional<JsonNode> attributes = member(object, "attributes");
        if (attributes.isEmpty()) {
            return values;
        }
        if (!attributes.get().isObject()) {
            throw typeError(attributes.get(), "attributes", "object");
        }
        for (String name : known) {
            Optional<JsonNode> value = member(attributes.get(), name);
            if (value.isEmpty()) {
                continue;
            }
            if (!value.get().isIntegralNumber() || !value.get().canConvertToLong()) {
                String shown = value.get().isNumber() ? "number " + value.get().asText() : goKind(value.get());
                throw ApiError.badRequestBody("json: cannot unmarshal " + shown
                        + " into Go struct field .attributes." + name + " of type int64");
            }
            values.put(name, value.get().asLong());
        }
        return values;
    }

    static ObjectNode proxy(ProxyView view) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("name", view.name());
        node.put("listen", view.listen());
        node.put("upstream", view.upstream());
        node.put("enabled", view.enabled());
        ArrayNode toxics = node.putArray("toxics");
        view.toxics().forEach(toxic -> toxics.add(toxic(toxic)));
        return node;
    }

    static ObjectNode toxic(Toxic toxic) {
        ObjectNode node = MAPPER.createObjectNode();
        ObjectNode attributes = node.putObject("attributes");
        toxic.attributes().forEach(attributes::put);
        node.put("name", toxic.name());
        node.put("type", toxic.kind().wireName());
        node.put("stream", toxic.stream().wireName());
        // Go prints a float32 in its shortest form: 1, 0.5.
        node.put("toxicity", new BigDecimal(Float.toString(toxic.toxicity())).stripTrailingZeros());
        return node;
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON of a tree cannot fail", e);
        }
    }

    private static ApiError typeError(JsonNode value, String key, String goType) {
        return ApiError.badRequestBody("json: cannot unmarshal " + goKind(value) + " into Go struct field ."
                + key + " of type " + goType);
    }

    private static String goKind(JsonNode node) {
        JsonNodeType type = node.getNodeType();
        return switch (type) {
            case ARRAY -> "array";
            case OBJECT -> "object";
            case BOOLEAN -> "bool";
            case NUMBER -> "number";
            case STRING -> "string";
            default -> type.name().toLowerCase(Locale.ROOT);
        };
    }
}
