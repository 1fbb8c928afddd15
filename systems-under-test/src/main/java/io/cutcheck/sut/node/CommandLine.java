package io.cutcheck.sut.node;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code --name value} options of a subcommand; anything unknown, repeated or missing is a {@link BadConfigException}. */
public final class CommandLine {
    private final Map<String, String> values = new HashMap<>();

    public CommandLine(List<String> args, Set<String> allowed) {
        for (int i = 0; i < args.size(); i++) {
            String name = args.get(i);
            if (!name.startsWith("--") || !allowed.contains(name.substring(2))) {
                throw new BadConfigException("unknown argument " + name + " (expected " + allowedList(allowed) + ")");
            }
            if (i + 1 >= args.size()) {
                throw new BadConfigException(name + " needs a value");
            }
            if (values.put(name.substring(2), args.get(++i)) != null) {
                throw new BadConfigException(name + " given twice");
            }
        }
    }

    public String string(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new BadConfigException("missing --" + name);
        }
        return value;
    }

    public int integer(String name, int min, int max) {
        String text = string(name);
        try {
            int value = Integer.parseInt(text);
            if (value < min || value > max) {
                throw new BadConfigException("--" + name + " must be between " + min + " and " + max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new BadConfigException("--" + name + " must be an integer: " + text);
        }
    }

    private static String allowedList(Set<String> allowed) {
        return String.join(" ", allowed.stream().sorted().map(a -> "--" + a).toList());
    }
}
