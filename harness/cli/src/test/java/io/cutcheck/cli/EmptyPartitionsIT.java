package io.cutcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A correct system whose input partitions got no records is valid: at one record a second for
 * two seconds most partitions stay empty, and their sources sit at offset 0 of a partition the
 * input log declares but holds nothing in, through the real command line. Four seeds each in the
 * build; {@code -Dcutcheck.it.seeds=10} for the ten the fix was measured on.
 */
class EmptyPartitionsIT {

    private static final int SEEDS = Integer.getInteger("cutcheck.it.seeds", 4);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"barrier", "marker"})
    void aCorrectSystemWithEmptyPartitionsIsValidOnEverySeed(String system) throws Exception {
        Path store = dir.resolve("store");
        Cli.Result result = new Cli(dir.resolve("run")).run(dir.resolve("out"), 600, "test", "--system", system,
                "--rate", "1", "--time-limit", "2", "--nemesis", "none", "--seed", "1",
                "--test-count", Integer.toString(SEEDS), "--store", store.toString());
        assertThat(result.out()).as(result.err()).doesNotContain("verdict: invalid", "verdict: unknown");
        assertThat(result.out().lines().filter(l -> l.equals("verdict: valid"))).hasSize(SEEDS);
        assertThat(result.exitCode()).isZero();
        List<Path> runs = runs(store);
        assertThat(runs).hasSize(SEEDS);
        // the regression is only exercised where a declared partition really stayed empty
        long withAnEmptyPartition = runs.stream().filter(EmptyPartitionsIT::hasAnEmptyPartition).count();
        assertThat(withAnEmptyPartition).as("runs with an empty input partition").isGreaterThanOrEqualTo(SEEDS / 2);
    }

    private static List<Path> runs(Path store) throws IOException {
        try (Stream<Path> files = Files.walk(store, 3)) {
            return files.filter(p -> !Files.isSymbolicLink(p) && Files.isRegularFile(p.resolve("collected.json")))
                    .sorted().toList();
        }
    }

    private static boolean hasAnEmptyPartition(Path run) {
        try {
            int declared = JSON.readTree(run.resolve("collected.json").toFile()).path("inputPartitions").asInt();
            Set<Integer> holding = new HashSet<>();
            for (String line : Files.readAllLines(run.resolve("input.jsonl"))) {
                JsonNode input = JSON.readTree(line);
                holding.add(input.path("partition").asInt());
            }
            return declared >= 2 && holding.size() < declared;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
