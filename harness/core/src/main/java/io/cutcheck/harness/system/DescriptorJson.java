package io.cutcheck.harness.system;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads a descriptor file as JSON, strictly, with every problem one line in the loader's own
 * words: where (line, column, field) and what, never Jackson's class names or advice.
 */
final class DescriptorJson {

    /** Strict beyond the grammar: a key given twice would otherwise silently replace the first. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    /** Jackson's own location text inside its messages; the line and column are said once, in front. */
    private static final Pattern SOURCE = Pattern.compile("\\s*\\[Source: [^\\]]*; line: (\\d+), column: (\\d+)\\]");
    /** Jackson's advice on its parser features, which a descriptor's author cannot turn on. */
    private static final Pattern FEATURE = Pattern.compile("\\s*\\([^()]*\\bFeature\\b[^()]*\\)");

    private DescriptorJson() {}

    static JsonNode parse(Path file, Function<String, ? extends IllegalArgumentException> invalid) {
        if (Files.isDirectory(file)) {
            throw invalid.apply(file + ": is a directory, not a system descriptor file");
        }
        if (!Files.isRegularFile(file)) {
            throw invalid.apply(file + ": no such system descriptor");
        }
        try (JsonParser parser = JSON.createParser(file.toFile())) {
            JsonNode root = JSON.readTree(parser);
            if (root == null || !root.isObject()) {
                throw invalid.apply(file + ": a system descriptor is a JSON object");
            }
            requireEnd(file, parser, invalid);
            return root;
        } catch (JsonProcessingException e) {
            String message = SOURCE.matcher(e.getOriginalMessage()).replaceAll(" line $1, column $2");
            throw invalid.apply(file + ": not JSON" + where(e) + ": " + FEATURE.matcher(message).replaceAll("")
                    .replace('\n', ' '));
        } catch (IOException e) {
            throw invalid.apply(file + ": cannot read it: " + e.getMessage());
        }
    }

    /**
     * Nothing but white space after the object, which Jackson would otherwise ignore. Checked here
     * rather than by its FAIL_ON_TRAILING_TOKENS, whose message names its own classes.
     */
    private static void requireEnd(Path file, JsonParser parser,
                                   Function<String, ? extends IllegalArgumentException> invalid) throws IOException {
        boolean more;
        try {
            more = parser.nextToken() != null;
        } catch (JsonProcessingException e) {
            more = true;
        }
        if (more) {
            JsonLocation at = parser.currentTokenLocation();
            throw invalid.apply(file + ": not JSON at line " + at.getLineNr() + ", column " + at.getColumnNr()
                    + ": there is more after the descriptor's closing '}'");
        }
    }

    /** " at line L, column C, in field 'F'": where Jackson stopped, in the loader's own words. */
    private static String where(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        if (e.getProcessor() instanceof JsonParser parser) {
            String field = path(parser.getParsingContext());
            where += field.isEmpty() ? "" : ", in field '" + field + "'";
        }
        return where;
    }

    /** The field a parser is in, as the loader's messages spell it: {@code nodes[1].count}. */
    private static String path(JsonStreamContext context) {
        StringBuilder path = new StringBuilder();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                path.insert(0, "[" + Math.max(0, c.getCurrentIndex()) + "]");
            } else if (c.getCurrentName() != null) {
                path.insert(0, (path.length() == 0 || path.charAt(0) == '[' ? "" : ".") + c.getCurrentName());
            }
        }
        return path.toString();
    }
}
