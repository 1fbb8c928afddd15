package io.cutcheck.harness.system;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutcheck.harness.services.SutJar;
import io.cutcheck.harness.spec.TestSpec;
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
        JsonNode version = root.path("descriptor");
        if (version.isMissingNode()) {
            throw invalid("descriptor", "is required: the format version, " + VERSION);
        }
        if (!version.isInt() || version.intValue() != VERSION) {
            throw invalid("descriptor", "must be " + VERSION + " (the format version), not " + version);
        }
        String name = name(root, "name");
        String description = optionalText(root, "description", "description");
        String workload = name(root, "workload");
        JsonNode workers = root.path("workers");
        fields(workers, "workers.", Set.of("min", "default"));
        int min = workers(workers, "min", 1);
        int defaultWorkers = workers(workers, "default", min);
        if (defaultWorkers < min) {
            throw invalid("workers.default", "must be at least workers.min (" + min + "): " + defaultWorkers);
        }
        RoleLayout layout = layout(root.path("nodes"));
        JsonNode committer = root.path("committer");
        String committerRole = committerRole(committer, layout);
        return new SystemDefinition(name, description, workload, min, defaultWorkers,
                command(root.path("command")), layout, committerRole, committerIndex(committer, layout, committerRole),
                committerAcknowledges(committer),
                finalState(root), named(root, "defects"), named(root, "options"), docker(root.path("docker")));
    }

    private String committerRole(JsonNode committer, RoleLayout layout) {
        if (!committer.isObject()) {
            throw invalid("committer", "must be {\"role\": ..., \"index\": ...}: the node that commits checkpoints");
        }
        fields(committer, "committer.", Set.of("role", "index", "acknowledges"));
        String role = text(committer, "committer.role");
        if (layout.roles().stream().noneMatch(r -> r.role().equals(role))) {
            throw invalid("committer.role", "names no role of 'nodes': " + role);
        }
        return role;
    }

    /** Whether the committer sends {@code ack-sent} for a part of its own; true unless said otherwise. */
    private boolean committerAcknowledges(JsonNode committer) {
        JsonNode acknowledges = committer.path("acknowledges");
        if (acknowledges.isMissingNode()) {
            return true;
        }
        if (!acknowledges.isBoolean()) {
            throw invalid("committer.acknowledges", "must be true or false: " + acknowledges);
        }
        return acknowledges.booleanValue();
    }

    /** The committer's index within its role; a fixed count shows at once whether that node exists. */
    private int committerIndex(JsonNode committer, RoleLayout layout, String role) {
        JsonNode index = committer.path("index");
        if (index.isMissingNode()) {
            return 0;
        }
        if (!index.isInt() || index.intValue() < 0) {
            throw invalid("committer.index", "must be an index from 0: " + index);
        }
        RoleLayout.Role committing = layout.roles().stream().filter(r -> r.role().equals(role)).findFirst().orElseThrow();
        if (committing.count() == RoleLayout.Count.FIXED && index.intValue() >= committing.fixed()) {
            throw invalid("committer.index", "must be below the count of role '" + role + "' ("
                    + committing.fixed() + "): " + index);
        }
        return index.intValue();
    }

    private JsonNode parse() {
        return DescriptorJson.parse(file, Invalid::new);
    }

    private RoleLayout layout(JsonNode nodes) {
        if (!nodes.isArray() || nodes.isEmpty()) {
            throw invalid("nodes", "must be a non-empty list of roles");
        }
        List<RoleLayout.Role> roles = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < nodes.size(); i++) {
            RoleLayout.Role role = role(nodes.get(i), "nodes[" + i + "]");
            if (!seen.add(role.role())) {
                throw invalid("nodes[" + i + "].role", "role '" + role.role() + "' is listed twice");
            }
            // the same pattern twice names nodes alike whatever the counts; subtler clashes show at the run's layout
            if (!names.add(role.name())) {
                throw invalid("nodes[" + i + "].name", "gives the nodes of two roles the same names: " + role.name());
            }
            roles.add(role);
        }
        return new RoleLayout(roles);
    }

    private RoleLayout.Role role(JsonNode node, String at) {
        fields(node, at + ".", Set.of("role", "count", "name"));
        String role = name(node, at + ".role", "role");
        JsonNode count = node.path("count");
        RoleLayout.Count kind;
        int fixed = 0;
        if (count.isMissingNode()) {
            throw invalid(at + ".count", "is required: a number from 1 to " + TestSpec.MAX_NODES
                    + ", \"workers\" or \"partitions\"");
        }
        if (count.isInt() && count.intValue() >= 1 && count.intValue() <= TestSpec.MAX_NODES) {
            kind = RoleLayout.Count.FIXED;
            fixed = count.intValue();
        } else if (count.isTextual() && count.textValue().equals("workers")) {
            kind = RoleLayout.Count.WORKERS;
        } else if (count.isTextual() && count.textValue().equals("partitions")) {
            kind = RoleLayout.Count.PARTITIONS;
        } else {
            throw invalid(at + ".count", "must be a number from 1 to " + TestSpec.MAX_NODES
                    + ", \"workers\" or \"partitions\": " + count);
        }
        String pattern = node.has("name") ? text(node, at + ".name", "name") : role + "-" + RoleLayout.INDEX;
        if (!NAME.matcher(pattern.replace(RoleLayout.INDEX, "0")).matches()) {
            throw invalid(at + ".name", "must give node names of letters, digits, '.', '_' and '-': " + pattern);
        }
        if (!pattern.contains(RoleLayout.INDEX) && !(kind == RoleLayout.Count.FIXED && fixed == 1)) {
            throw invalid(at + ".name", "needs " + RoleLayout.INDEX + " unless the role has exactly one node: "
                    + pattern);
        }
        return new RoleLayout.Role(role, kind, fixed, pattern);
    }

    private List<String> command(JsonNode command) {
        if (command.isMissingNode()) {
            throw invalid("command", "is required: a non-empty list of strings (the launch command's argv)");
        }
        return argv(command, "command");
    }

    /** A non-empty list of non-empty strings, each {@link #resolve resolved}. */
    private List<String> argv(JsonNode list, String field) {
        if (!list.isArray() || list.isEmpty()) {
            throw invalid(field, "must be a non-empty list of strings (the launch command's argv)");
        }
        List<String> argv = new ArrayList<>();
        for (JsonNode arg : list) {
            // a NUL cannot be passed to a process: ProcessBuilder would refuse it only at the first start
            if (!arg.isTextual() || arg.textValue().isEmpty() || arg.textValue().indexOf('\0') >= 0) {
                throw invalid(field, "every element must be a non-empty string without NUL: " + arg);
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
            if (named.put(name, optionalText(list.get(i), at + ".description", "description")) != null) {
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
        List<String> build = docker.has("build") ? argv(docker.get("build"), "docker.build") : List.of();
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

    /** A text field that may be absent (or null): then empty. */
    private String optionalText(JsonNode object, String field, String key) {
        JsonNode value = object.path(key);
        if (value.isMissingNode() || value.isNull()) {
            return "";
        }
        if (!value.isTextual()) {
            throw invalid(field, "must be a string: " + value);
        }
        return value.textValue();
    }

    /** {@code workers.min} or {@code .default}: bounded like {@code --nodes}, which they stand for. */
    private int workers(JsonNode object, String key, int otherwise) {
        JsonNode value = object.path(key);
        if (value.isMissingNode()) {
            return otherwise;
        }
        if (!value.isInt() || value.intValue() < 1 || value.intValue() > TestSpec.MAX_NODES) {
            throw invalid("workers." + key, "must be a whole number from 1 to " + TestSpec.MAX_NODES + ": " + value);
        }
        return value.intValue();
    }

    private Invalid invalid(String field, String problem) {
        return new Invalid(file + ": field '" + field + "' " + problem);
    }
}
