package io.cutcheck.cli.replay;

import io.cutcheck.harness.schedule.Scenario;
import io.cutcheck.harness.store.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes scenarios where replay and shrink leave them, in the format {@code --scenario} reads. */
public final class ScenarioFiles {

    public static final String FILE_NAME = "scenario.json";

    private ScenarioFiles() {}

    /** Writes {@code scenario} to {@code dir/scenario.json} (atomically) and returns the file. */
    public static Path write(Path dir, Scenario scenario) {
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(FILE_NAME);
            Json.writeAtomically(file, scenario);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the scenario into " + dir + ": " + e.getMessage(), e);
        }
    }
}
