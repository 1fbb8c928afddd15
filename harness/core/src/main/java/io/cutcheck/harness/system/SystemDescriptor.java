package io.cutcheck.harness.system;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutcheck.harness.services.SutJar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a system descriptor ({@code systems-under-test/DESCRIPTOR.md}, version 1) into the
 * {@link SystemDefinition} a run uses. The reference systems are descriptors too, read here like
 * any other. Strict: a field it does not know is an error, and every error is one line naming the
 * file and the field ({@link Invalid}).
 */
public final class SystemDescriptor {

    public static final int VERSION = 1;
    /** Stands for the Java the harness runs on, in {@code command}. */
    public static final String JAVA = "{java}";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A descriptor that cannot be used: the message is one line naming the file and the field. */
    public static final class Invalid extends IllegalArgumentException {
        Invalid(String message) {
            super(message);
        }
    }

    private final Path file;
    private final Path folder;

    private SystemDescriptor(Path file) {
        this.file = file;
        this.folder = file.toAbsolutePath().normalize().getParent();
    }

    public static SystemDefinition read(Path file) {
        return new SystemDescriptor(file).read();
    }

    private SystemDefinition read() {
        JsonNode root = parse();
        fields(root, "", Set.of("descriptor", "name", "description", "workload", "command", "nodes", "workers",
                "committer", "finalState", "defects", "options", "docker"));
        if (!root.path("descriptor").isInt() || root.path("descriptor").intValue() != VERSION) {
            throw invalid("descriptor", "must be " + VERSION + " (the format version), not " + root.get("descriptor"));
        }
        String name = name(root, "name");
        String workload = name(root, "workload");
        JsonNode workers = root.path("workers");
        fields(workers, "workers.", Set.of("min", "default"));
        int min = positive(workers, "workers", "min", 1);
        int defaultWorkers = positive(workers, "workers", "default", min);
        if (defaultWorkers < min) {
            throw invalid("workers.default", "must be at least workers.min (" + min + "): " + defaultWorkers);
        }
        RoleLayout layout = layout(root.path("nodes"));
        JsonNode committer = root.path("committer");
        if (!committer.isObject()) {
            throw invalid("committer", "must be {\"role\": ..., \"index\": ...}: the node that commits checkpoints");
        }
        fields(committer, "committer.", Set.of("role", "index"));
        String committerRole = text(committer, "committer.role");
        if (layout.roles().stream().noneMatch(r -> r.role().equals(committerRole))) {
            throw invalid("committer.role", "names no role of 'nodes': " + committerRole);
        }
        int committerIndex = committer.path("index").asInt(0);
        if (committer.has("index") && (!committer.get("index").isInt() || committerIndex < 0)) {
            throw invalid("committer.index", "must be an index from 0: " + committer.get("index"));
        }
        return new SystemDefinition(name, root.path("description").asText(""), workload, min, defaultWorkers,
                command(root.path("command")), layout, committerRole, committerIndex, finalState(root),
                named(root, "defects"), named(root, "options"), docker(root.path("docker")));
    }

    private JsonNode parse() {
        if (!Files.isRegularFile(file)) {
            throw new Invalid(file + ": no such system descriptor");
        }
        try {
            JsonNode root = JSON.readTree(file.toFile());
            if (root == null || !root.isObject()) {
                throw new Invalid(file + ": a system descriptor is a JSON object");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new Invalid(file + ": not JSON: " + e.getOriginalMessage() + " (line "
                    + e.getLocation().getLineNr() + ")");
        } catch (IOException e) {
            throw new Invalid(file + ": cannot read it: " + e.getMessage());
        }
    }

    private RoleLayout layout(JsonNode nodes) {
        if (!nodes.isArray() || nodes.isEmpty()) {
            throw invalid("nodes", "must be a non-empty list of roles");
        }
        List<RoleLayout.Role> roles = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < nodes.size(); i++) {
            String at = "nodes[" + i + "]";
            JsonNode node = nodes.get(i);
            fields(node, at + ".", Set.of("role", "count", "name"));
            String role = name(node, at + ".role", "role");
            if (!seen.add(role)) {
                throw invalid(at + ".role", "role '" + role + "' is listed twice");
            }
            JsonNode count = node.path("count");
            RoleLayout.Count kind;
            int fixed = 0;
            if (count.isInt() && count.intValue() >= 1) {
                kind = RoleLayout.Count.FIXED;
                fixed = count.intValue();
            } else if (count.asText().equals("workers")) {
                kind = RoleLayout.Count.WORKERS;
            } else if (count.asText().equals("partitions")) {
                kind = RoleLayout.Count.PARTITIONS;
            } else {
                throw invalid(at + ".count", "must be a number from 1, \"workers\" or \"partitions\": " + count);
            }
            String pattern = node.has("name") ? node.get("name").asText() : role + "-" + RoleLayout.INDEX;
            if (!NAME.matcher(pattern.replace(RoleLayout.INDEX, "0")).matches()) {
                throw invalid(at + ".name", "must give node names of letters, digits, '.', '_' and '-': " + pattern);
            }
            if (!pattern.contains(RoleLayout.INDEX) && !(kind == RoleLayout.Count.FIXED && fixed == 1)) {
                throw invalid(at + ".name", "needs " + RoleLayout.INDEX + " unless the role has exactly one node: "
                        + pattern);
            }
            roles.add(new RoleLayout.Role(role, kind, fixed, pattern));
        }
        return new RoleLayout(roles);
    }

    private List<String> command(JsonNode command) {
        if (!command.isArray() || command.isEmpty()) {
            throw invalid("command", "must be a non-empty list of strings (the launch command's argv)");
        }
        List<String> argv = new ArrayList<>();
        for (JsonNode arg : command) {
            if (!arg.isTextual() || arg.textValue().isEmpty()) {
                throw invalid("command", "every element must be a non-empty string: " + arg);
            }
            argv.add(resolve(arg.textValue()));
        }
        return argv;
    }

    /** {@code ./x} and {@code ../x} are paths next to the descriptor; {@code {java}} the harness's Java. */
    private String resolve(String arg) {
        if (arg.equals(JAVA)) {
            return SutJar.javaCommand();
        }
        if (arg.startsWith("./") || arg.startsWith("../")) {
            return folder.resolve(arg).normalize().toString();
        }
        return arg;
    }

    private Optional<String> finalState(JsonNode root) {
        JsonNode path = root.path("finalState");
        if (path.isMissingNode() || path.isNull()) {
            return Optional.empty();
        }
        if (!path.isTextual() || !path.textValue().startsWith("/")) {
            throw invalid("finalState", "must be a path on the node such as \"/balances\", or null: " + path);
        }
        return Optional.of(path.textValue());
    }

    private Map<String, String> named(JsonNode root, String field) {
        JsonNode list = root.path(field);
        Map<String, String> named = new LinkedHashMap<>();
        if (list.isMissingNode() || list.isNull()) {
            return named;
        }
        if (!list.isArray()) {
            throw invalid(field, "must be a list of {\"name\", \"description\"}");
        }
        for (int i = 0; i < list.size(); i++) {
            String at = field + "[" + i + "]";
            fields(list.get(i), at + ".", Set.of("name", "description"));
            String name = name(list.get(i), at + ".name", "name");
            if (named.put(name, list.get(i).path("description").asText("")) != null) {
                throw invalid(at + ".name", "'" + name + "' is listed twice");
            }
        }
        return named;
    }

    private Optional<DockerImage> docker(JsonNode docker) {
        if (docker.isMissingNode() || docker.isNull()) {
            return Optional.empty();
        }
        fields(docker, "docker.", Set.of("jar", "image", "build"));
        if (docker.has("jar") == docker.has("image")) {
            throw invalid("docker", "needs exactly one of \"jar\" (the harness's Java node image) and \"image\"");
        }
        if (docker.has("jar")) {
            if (docker.has("build")) {
                throw invalid("docker.build", "goes with \"image\", not with \"jar\"");
            }
            return Optional.of(new DockerImage(Optional.of(Path.of(resolve(text(docker, "docker.jar")))), null,
                    List.of(), folder));
        }
        List<String> build = new ArrayList<>();
        if (docker.has("build")) {
            for (JsonNode arg : docker.get("build")) {
                build.add(resolve(arg.asText()));
            }
            if (!docker.get("build").isArray() || build.isEmpty()) {
                throw invalid("docker.build", "must be a non-empty argv list");
            }
        }
        return Optional.of(new DockerImage(Optional.empty(), text(docker, "docker.image"), build, folder));
    }

    /** Refuses fields other than {@code known} in an object. */
    private void fields(JsonNode object, String prefix, Set<String> known) {
        if (object.isMissingNode()) {
            return;
        }
        if (!object.isObject()) {
            throw invalid(prefix.isEmpty() ? "(top)" : prefix.substring(0, prefix.length() - 1), "must be an object");
        }
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw invalid(prefix + name, "unknown field (known: " + String.join(", ", known.stream().sorted().toList())
                        + ")");
            }
        }
    }

    private String name(JsonNode object, String field) {
        return name(object, field, field);
    }

    private String name(JsonNode object, String field, String key) {
        String value = text(object, field, key);
        if (!NAME.matcher(value).matches()) {
            throw invalid(field, "must be letters, digits, '.', '_' and '-': '" + value + "'");
        }
        return value;
    }

    private String text(JsonNode object, String field) {
        return text(object, field, field.substring(field.lastIndexOf('.') + 1));
    }

    private String text(JsonNode object, String field, String key) {
        JsonNode value = object.path(key);
        if (!value.isTextual() || value.textValue().isBlank()) {
            throw invalid(field, value.isMissingNode() ? "is required" : "must be a non-empty string: " + value);
        }
        return value.textValue();
    }

    private int positive(JsonNode object, String prefix, String key, int otherwise) {
        JsonNode value = object.path(key);
        if (value.isMissingNode()) {
            return otherwise;
        }
        if (!value.isInt() || value.intValue() < 1) {
            throw invalid(prefix + "." + key, "must be a whole number from 1: " + value);
        }
        return value.intValue();
    }

    private Invalid invalid(String field, String problem) {
        return new Invalid(file + ": field '" + field + "' " + problem);
    }
}
