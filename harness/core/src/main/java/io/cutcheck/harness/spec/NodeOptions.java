package io.cutcheck.harness.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code options} object of every node's config (PROTOCOL.md section 1): what the workload
 * sets, plus what the user gives as {@code --option key=value}. A value is JSON when it parses
 * as JSON ({@code 5}, {@code true}, {@code {"a":1}}, {@code "quoted"}), else plain text, so
 * {@code --option mode=fast} needs no quotes.
 */
public final class NodeOptions {

    private static final ObjectMapper JSON = new ObjectMapper();

    private NodeOptions() {}

    /** The options {@code key=value} arguments name, in order; a key given twice is refused. */
    public static Map<String, JsonNode> parse(List<String> keyValues) {
        Map<String, JsonNode> options = new LinkedHashMap<>();
        for (String keyValue : keyValues) {
            int eq = keyValue.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--option must be key=value: '" + keyValue + "'");
            }
            String key = keyValue.substring(0, eq).trim();
            if (options.put(key, value(keyValue.substring(eq + 1))) != null) {
                throw new IllegalArgumentException("--option " + key + " is given twice");
            }
        }
        return options;
    }

    private static JsonNode value(String text) {
        try {
            JsonNode parsed = JSON.readTree(text);
            // an empty or blank value reads as "missing": it is the empty string
            return parsed == null || parsed.isMissingNode() ? TextNode.valueOf(text) : parsed;
        } catch (JsonProcessingException notJson) {
            return TextNode.valueOf(text);
        }
    }

    /**
     * The workload's options with the user's added. A key the workload sets itself is refused:
     * its checkers judge the run by the workload's value, so another one would only mislead them.
     */
    public static Map<String, JsonNode> merge(String workload, Map<String, JsonNode> workloadOptions,
                                              Map<String, JsonNode> userOptions) {
        Map<String, JsonNode> merged = new LinkedHashMap<>(workloadOptions);
        userOptions.forEach((key, value) -> {
            if (merged.putIfAbsent(key, value) != null) {
                throw new IllegalArgumentException("--option " + key + ": the " + workload
                        + " workload sets this option itself (to " + workloadOptions.get(key) + ")");
            }
        });
        return merged;
    }
}
