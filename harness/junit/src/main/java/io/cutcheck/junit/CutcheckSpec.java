package io.cutcheck.junit;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutcheck.cli.SpecBuilder;
import io.cutcheck.harness.spec.TestSpec;
import io.cutcheck.harness.system.SystemDefinition;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A cutcheck test spec built in Java, with the same names, defaults and checks as
 * {@code cutcheck test} (both fill the same {@link SpecBuilder}):
 * <pre>{@code
 * CutcheckSpec.system("barrier").runtime("local").nemesis("kill", "pause")
 *         .timeLimit(Duration.ofSeconds(10)).seed(42)
 * CutcheckSpec.systemFile(Path.of("examples/python-stream/system.json")).nemesis("kill")
 * }</pre>
 * Each method returns a new spec; a spec is checked when it runs, and a bad one fails the test
 * with one line saying what is wrong. Runs are stored under {@code target/cutcheck-store}.
 */
public final class CutcheckSpec {

    private static final Path STORE = Path.of("target", "cutcheck-store");

    private final List<Consumer<SpecBuilder>> choices;
    private final SystemDefinition described;

    private CutcheckSpec(List<Consumer<SpecBuilder>> choices, SystemDefinition described) {
        this.choices = List.copyOf(choices);
        this.described = described;
    }

    private CutcheckSpec and(Consumer<SpecBuilder> choice) {
        List<Consumer<SpecBuilder>> more = new ArrayList<>(choices);
        more.add(choice);
        return new CutcheckSpec(more, described);
    }

    /** A spec for a shipped system ({@code barrier}, {@code marker}) on local processes with kills and pauses, 30 s. */
    public static CutcheckSpec system(String name) {
        return new CutcheckSpec(List.of(b -> b.system(name).store(STORE)), null);
    }

    /** A spec for the system a descriptor file describes (systems-under-test/DESCRIPTOR.md). */
    public static CutcheckSpec systemFile(Path descriptor) {
        return new CutcheckSpec(List.of(b -> b.systemFile(descriptor).store(STORE)), null);
    }

    /** A spec for a system described in code. */
    public static CutcheckSpec system(SystemDefinition system) {
        return new CutcheckSpec(List.of(b -> b.system(system).store(STORE)), system);
    }

    /** Where nodes run, by name: {@code local}, {@code docker}. */
    public CutcheckSpec runtime(String name) {
        return and(b -> b.runtime(name));
    }

    /** The workload, by name; by default the system's own ({@code stream} for barrier, {@code bank} for marker). */
    public CutcheckSpec workload(String name) {
        return and(b -> b.workload(name));
    }

    /** The fault kinds, e.g. {@code kill}, {@code pause}, {@code kill-mid-checkpoint}; none for a run without faults. */
    public CutcheckSpec nemesis(String... kinds) {
        return and(b -> b.nemesis(kinds.length == 0 ? List.of("none") : List.of(kinds)));
    }

    /** The fault targets: {@code one}, {@code coordinator}, {@code non-coordinator}, {@code minority}, {@code all}. */
    public CutcheckSpec targets(String... kinds) {
        return and(b -> b.targets(List.of(kinds)));
    }

    public CutcheckSpec timeLimit(Duration length) {
        return and(b -> b.timeLimitSeconds(length.toMillis() / 1000.0));
    }

    public CutcheckSpec seed(long value) {
        return and(b -> b.seed(value));
    }

    /** Runs a defect variant the system declares (see {@code cutcheck defects} for the reference ones). */
    public CutcheckSpec defect(String name) {
        return and(b -> b.defect(name));
    }

    /** One of the system's declared options, in every node's {@code options}. */
    public CutcheckSpec option(String key, JsonNode value) {
        return and(b -> b.option(key, value));
    }

    public CutcheckSpec checkpointInterval(Duration interval) {
        return and(b -> b.checkpointIntervalMillis(interval.toMillis()));
    }

    public CutcheckSpec nodes(int workers) {
        return and(b -> b.nodes(workers));
    }

    /** The store root; {@code target/cutcheck-store} by default. */
    public CutcheckSpec store(Path root) {
        return and(b -> b.store(root));
    }

    /** The spec as a run takes it, named for the test. */
    TestSpec toTestSpec(String name) {
        SpecBuilder builder = new SpecBuilder();
        choices.forEach(choice -> choice.accept(builder));
        return builder.name(name).build();
    }

    /** The system described in code, if it was. */
    Optional<SystemDefinition> described() {
        return Optional.ofNullable(described);
    }
}
