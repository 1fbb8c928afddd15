package io.cutcheck.harness.schedule;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a scenario file (SCENARIO.md) by hand rather than by binding, so that every mistake is one
 * line naming the step and the field: a typo in a field name is refused, not silently ignored,
 * since a step that quietly lost its duration would test something else than what was written.
 */
public final class ScenarioReader {

    private static final Set<String> TOP_FIELDS = Set.of("description", "faults");
    private static final Set<String> STEP_FIELDS = Set.of("id", "kind", "targets", "at", "duration", "afterCheckpoint");
    private static final Pattern SPAN = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m)");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ScenarioReader() {}

    /**
     * @param checkKind throws {@link IllegalArgumentException} for a kind this cutcheck cannot
     *     inject (here, on this runtime); its message is prefixed with the step
     * @throws IllegalArgumentException one line naming the file, and the step when there is one
     */
    public static Scenario read(Path file, Consumer<String> checkKind) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no such scenario file: " + file);
        } catch (IOException e) {
            throw new IllegalArgumentException("scenario " + file + " cannot be read: " + e.getMessage());
        }
        try {
            return parse(text, checkKind);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("scenario " + file + ": " + e.getMessage());
        }
    }

    /** The scenario in {@code text}; messages name the step but not the file. */
    public static Scenario parse(String text, Consumer<String> checkKind) {
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage() + " at line "
                    + e.getLocation().getLineNr());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("must be a JSON object with a 'faults' list");
        }
        requireKnownFields(root, TOP_FIELDS, "");
        JsonNode faults = root.path("faults");
        if (!faults.isArray()) {
            throw new IllegalArgumentException("'faults' must be a list of steps");
        }
        List<ScenarioStep> steps = new ArrayList<>();
        for (int i = 0; i < faults.size(); i++) {
            steps.add(step(faults.get(i), i, checkKind));
        }
        JsonNode description = root.path("description");
        return new Scenario(description.isTextual() ? description.asText() : null, steps);
    }

    private static ScenarioStep step(JsonNode node, int index, Consumer<String> checkKind) {
        String where = "step " + index;
        if (!node.isObject()) {
            throw new IllegalArgumentException(where + ": must be an object with kind, targets, at and duration");
        }
        requireKnownFields(node, STEP_FIELDS, where + ": ");
        int id = node.has("id") ? wholeNumber(node.get("id"), where + ": 'id'") : index;
        where = "step " + id;
        String kind = node.path("kind").asText("");
        if (!node.path("kind").isTextual() || kind.isBlank()) {
            throw new IllegalArgumentException(where + ": 'kind' must name a fault kind (see cutcheck test --help)");
        }
        try {
            checkKind.accept(kind);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + " (" + kind + "): " + e.getMessage());
        }
        Long afterCheckpoint = node.has("afterCheckpoint")
                ? (long) wholeNumber(node.get("afterCheckpoint"), where + ": 'afterCheckpoint'") : null;
        return new ScenarioStep(id, kind, targets(node.get("targets"), where), span(node.get("at"), where, "at"),
                span(node.get("duration"), where, "duration"), afterCheckpoint);
    }

    private static List<String> targets(JsonNode node, String where) {
        if (node == null) {
            throw new IllegalArgumentException(where + ": 'targets' is missing (node names, or one of: one,"
                    + " coordinator, non-coordinator, minority, all)");
        }
        if (node.isTextual()) {
            return List.of(node.asText());
        }
        List<String> targets = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(t -> targets.add(t.isTextual() ? t.asText() : null));
        }
        if (!node.isArray() || targets.isEmpty() || targets.contains(null)) {
            throw new IllegalArgumentException(where + ": 'targets' must be a target kind or a list of node names");
        }
        return targets;
    }

    /** A span in ms: a number of ms, or text such as {@code "5s"}, {@code "1.5 s"}, {@code "250ms"}. */
    static long span(JsonNode node, String where, String field) {
        if (node == null) {
            throw new IllegalArgumentException(where + ": '" + field + "' is missing (ms, or text like \"5s\")");
        }
        if (node.isNumber() && node.asDouble() >= 0) {
            return Math.round(node.asDouble());
        }
        Matcher m = SPAN.matcher(node.asText("").trim().toLowerCase(Locale.ROOT));
        if (!node.isTextual() || !m.matches()) {
            throw new IllegalArgumentException(where + ": '" + field + "' must be ms or a span like \"5s\", \"250ms\": "
                    + node);
        }
        double value = Double.parseDouble(m.group(1));
        double unit = switch (m.group(2)) {
            case "ms" -> 1;
            case "s" -> 1000;
            default -> 60_000;
        };
        return Math.round(value * unit);
    }

    private static int wholeNumber(JsonNode node, String what) {
        if (!node.canConvertToInt() || !node.isIntegralNumber() || node.asInt() < 0) {
            throw new IllegalArgumentException(what + " must be a whole number, 0 or more: " + node);
        }
        return node.asInt();
    }

    private static void requireKnownFields(JsonNode node, Set<String> known, String where) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new IllegalArgumentException(where + "unknown field '" + name + "' (fields: "
                        + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        }
    }
}
