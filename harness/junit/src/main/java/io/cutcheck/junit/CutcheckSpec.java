package io.cutcheck.junit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A cutcheck test spec built in Java, with the same names and defaults as {@code cutcheck test}:
 * <pre>{@code
 * CutcheckSpec.system("barrier").runtime("local").nemesis("kill", "pause")
 *         .timeLimit(Duration.ofSeconds(10)).seed(42)
 * }</pre>
 * Each method returns a new spec; a spec is checked when it runs, and a bad one fails the test
 * with one line saying what is wrong.
 */
public final class CutcheckSpec {

    private final String system;
    private final String runtime;
    private final String workload;
    private final List<String> nemesis;
    private final List<String> targets;
    private final Duration timeLimit;
    private final Long seed;
    private final String defect;
    private final Duration checkpointInterval;
    private final Integer nodes;
    private final Path store;

    private CutcheckSpec(String system, String runtime, String workload, List<String> nemesis, List<String> targets,
                         Duration timeLimit, Long seed, String defect, Duration checkpointInterval, Integer nodes,
                         Path store) {
        this.system = Objects.requireNonNull(system, "system");
        this.runtime = Objects.requireNonNull(runtime, "runtime");
        this.workload = workload;
        this.nemesis = List.copyOf(nemesis);
        this.targets = List.copyOf(targets);
        this.timeLimit = Objects.requireNonNull(timeLimit, "timeLimit");
        this.seed = seed;
        this.defect = defect;
        this.checkpointInterval = checkpointInterval;
        this.nodes = nodes;
        this.store = Objects.requireNonNull(store, "store");
    }

    /** A spec for the named system ({@code barrier}, {@code marker}) on local processes with kills and pauses, 30 s. */
    public static CutcheckSpec system(String system) {
        return new CutcheckSpec(system, "local", null, List.of("kill", "pause"), List.of(), Duration.ofSeconds(30),
                null, null, null, null, Path.of("target", "cutcheck-store"));
    }

    /** Where nodes run, by name: {@code local}, {@code docker}. */
    public CutcheckSpec runtime(String name) {
        return new CutcheckSpec(system, name, workload, nemesis, targets, timeLimit, seed, defect, checkpointInterval,
                nodes, store);
    }

    /** The workload, by name; by default the system's own ({@code stream} for barrier, {@code bank} for marker). */
    public CutcheckSpec workload(String name) {
        return new CutcheckSpec(system, runtime, name, nemesis, targets, timeLimit, seed, defect, checkpointInterval,
                nodes, store);
    }

    /** The fault kinds, e.g. {@code kill}, {@code pause}, {@code kill-mid-checkpoint}; none for a run without faults. */
    public CutcheckSpec nemesis(String... kinds) {
        return new CutcheckSpec(system, runtime, workload, List.of(kinds), targets, timeLimit, seed, defect,
                checkpointInterval, nodes, store);
    }

    /** The fault targets: {@code one}, {@code coordinator}, {@code minority}, {@code all}. */
    public CutcheckSpec targets(String... kinds) {
        return new CutcheckSpec(system, runtime, workload, nemesis, List.of(kinds), timeLimit, seed, defect,
                checkpointInterval, nodes, store);
    }

    public CutcheckSpec timeLimit(Duration length) {
        return new CutcheckSpec(system, runtime, workload, nemesis, targets, length, seed, defect, checkpointInterval,
                nodes, store);
    }

    public CutcheckSpec seed(long value) {
        return new CutcheckSpec(system, runtime, workload, nemesis, targets, timeLimit, value, defect,
                checkpointInterval, nodes, store);
    }

    /** Runs a deliberate defect variant of a reference system (see {@code cutcheck defects}). */
    public CutcheckSpec defect(String name) {
        return new CutcheckSpec(system, runtime, workload, nemesis, targets, timeLimit, seed, name, checkpointInterval,
                nodes, store);
    }

    public CutcheckSpec checkpointInterval(Duration interval) {
        return new CutcheckSpec(system, runtime, workload, nemesis, targets, timeLimit, seed, defect, interval, nodes,
                store);
    }

    public CutcheckSpec nodes(int workers) {
        return new CutcheckSpec(system, runtime, workload, nemesis, targets, timeLimit, seed, defect,
                checkpointInterval, workers, store);
    }

    /** The store root; {@code target/cutcheck-store} by default. */
    public CutcheckSpec store(Path root) {
        return new CutcheckSpec(system, runtime, workload, nemesis, targets, timeLimit, seed, defect,
                checkpointInterval, nodes, root);
    }

    String workload() {
        return workload;
    }

    /** The arguments {@code cutcheck test} would take for this spec, under the given test name. */
    List<String> testArgs(String name) {
        List<String> args = new ArrayList<>(List.of("--system", system, "--runtime", runtime,
                "--nemesis", nemesis.isEmpty() ? "none" : String.join(",", nemesis),
                "--time-limit", Double.toString(timeLimit.toMillis() / 1000.0),
                "--store", store.toString(), "--name", name));
        if (!targets.isEmpty()) {
            args.addAll(List.of("--targets", String.join(",", targets)));
        }
        if (seed != null) {
            args.addAll(List.of("--seed", Long.toString(seed)));
        }
        if (defect != null) {
            args.addAll(List.of("--defect", defect));
        }
        if (checkpointInterval != null) {
            args.addAll(List.of("--checkpoint-interval", Long.toString(checkpointInterval.toMillis())));
        }
        if (nodes != null) {
            args.addAll(List.of("--nodes", Integer.toString(nodes)));
        }
        return args;
    }
}
