package io.cutcheck.harness.system;

import io.cutcheck.harness.services.SutJar;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The descriptors that ship with cutcheck, in {@code systems-under-test/systems/NAME.json}: what
 * {@code --system NAME} names. They are read by {@link SystemDescriptor} like a user's file.
 */
public final class ShippedSystems {

    static final String FOLDER = "systems-under-test/systems";

    private ShippedSystems() {}

    public static Path folder() {
        return SutJar.find(FOLDER, "the shipped system descriptors");
    }

    /** The shipped systems' names, sorted. */
    public static List<String> names() {
        try (Stream<Path> files = Files.list(folder())) {
            return files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".json"))
                    .map(f -> f.substring(0, f.length() - ".json".length())).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + FOLDER + ": " + e.getMessage(), e);
        }
    }

    /** The shipped descriptor of {@code name}; an unknown name is one line listing the known ones. */
    public static Path file(String name) {
        List<String> names = names();
        if (!names.contains(name)) {
            throw new IllegalArgumentException("unknown system '" + name + "' (one of: " + String.join(", ", names)
                    + "; or give a descriptor with --system-file)");
        }
        return folder().resolve(name + ".json");
    }

    public static SystemDefinition read(String name) {
        return SystemDescriptor.read(file(name));
    }
}
