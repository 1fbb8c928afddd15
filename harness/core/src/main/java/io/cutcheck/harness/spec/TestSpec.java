package io.cutcheck.harness.spec;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutcheck.harness.schedule.FaultPlan;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Everything that defines a test run, as a plain value: saved whole in the store's
 * {@code test.json}, so a run can be repeated from its directory with the same seed.
 *
 * @param name the test's name, the store directory under which its runs are saved
 * @param system the system under test's name ({@code barrier}, {@code marker}, or a descriptor's)
 * @param systemFile the descriptor the system was read from when the user gave one
 *     ({@code --system-file}, an absolute path), or null for a shipped system named {@code system}
 * @param runtime where nodes run ({@code local}, {@code docker})
 * @param workload the workload driven through the system ({@code stream}, {@code bank})
 * @param nodes worker nodes (operators, peers)
 * @param ratePerSecond target input records per second over all clients
 * @param concurrency client processes
 * @param faults the fault kinds, targets and timing
 * @param seed the seed of the workload's and the fault schedule's randomness
 * @param timeLimitMillis length of the run phase
 * @param drainTimeoutMillis bound on the wait for the system to catch up after healing
 * @param checkpoint the automatic checkpoint triggers
 * @param defect the defect variant to run (a reference system's deliberate bug), or null; passed
 *     to every node unchecked, since only the system knows its defects
 * @param options entries added to every node's {@code options} ({@code --option key=value}); a
 *     key the workload sets itself is refused ({@link NodeOptions#merge})
 * @param storeDir the store's root directory
 */
public record TestSpec(String name, String system, String systemFile, String runtime, String workload, int nodes, int ratePerSecond,
                       int concurrency, FaultPlan faults, long seed, long timeLimitMillis, long drainTimeoutMillis,
                       CheckpointTriggers checkpoint, String defect, Map<String, JsonNode> options,
                       String storeDir) {

    public static final int MAX_NODES = 64;
    public static final int MAX_RATE = 1_000_000;
    public static final int MAX_CONCURRENCY = 256;
    public static final long MAX_MILLIS = 86_400_000L;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    public TestSpec {
        requireName("test name", name);
        requireName("system", system);
        requireName("runtime", runtime);
        requireName("workload", workload);
        Objects.requireNonNull(faults, "faults");
        Objects.requireNonNull(checkpoint, "checkpoint");
        Objects.requireNonNull(storeDir, "storeDir");
        // upper bounds keep a typo from sitting in set-up for minutes: a run is one host's processes
        requireWithin("--nodes", nodes, 1, MAX_NODES, "");
        requireWithin("--rate", ratePerSecond, 1, MAX_RATE, " records per second");
        requireWithin("--concurrency", concurrency, 1, MAX_CONCURRENCY, " client processes");
        if (timeLimitMillis <= 0) {
            throw new IllegalArgumentException("--time-limit must be positive: " + timeLimitMillis / 1000.0 + " s");
        }
        if (timeLimitMillis > MAX_MILLIS) {
            throw new IllegalArgumentException("--time-limit must be at most " + MAX_MILLIS / 1000 + " s (a day): "
                    + timeLimitMillis / 1000.0 + " s");
        }
        if (drainTimeoutMillis <= 0 || drainTimeoutMillis > MAX_MILLIS) {
            throw new IllegalArgumentException("--drain-timeout must be positive and at most " + MAX_MILLIS / 1000
                    + " s: " + drainTimeoutMillis / 1000.0 + " s");
        }
        if (defect != null && defect.isBlank()) {
            defect = null;
        }
        // test.json of a store format 1 has no options
        options = options == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(options));
        options.keySet().forEach(key -> requireName("option name", key));
    }

    private static void requireWithin(String flag, long value, long min, long max, String unit) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(flag + " must be from " + min + " to " + max + unit + ": " + value);
        }
    }

    private static void requireName(String what, String value) {
        if (value == null || !NAME.matcher(value).matches()) {
            throw new IllegalArgumentException("invalid " + what + ": '" + value + "'");
        }
    }

    public TestSpec withSystemFile(String v) {
        return new TestSpec(name, system, v, runtime, workload, nodes, ratePerSecond, concurrency, faults, seed,
                timeLimitMillis, drainTimeoutMillis, checkpoint, defect, options, storeDir);
    }

    public TestSpec withName(String v) {
        return new TestSpec(v, system, systemFile, runtime, workload, nodes, ratePerSecond, concurrency, faults, seed,
                timeLimitMillis, drainTimeoutMillis, checkpoint, defect, options, storeDir);
    }

    public TestSpec withNodes(int v) {
        return new TestSpec(name, system, systemFile, runtime, workload, v, ratePerSecond, concurrency, faults, seed,
                timeLimitMillis, drainTimeoutMillis, checkpoint, defect, options, storeDir);
    }

    public TestSpec withRatePerSecond(int v) {
        return new TestSpec(name, system, systemFile, runtime, workload, nodes, v, concurrency, faults, seed,
                timeLimitMillis, drainTimeoutMillis, checkpoint, defect, options, storeDir);
    }

    public TestSpec withFaults(FaultPlan v) {
        return new TestSpec(name, system, systemFile, runtime, workload, nodes, ratePerSecond, concurrency, v, seed,
                timeLimitMillis, drainTimeoutMillis, checkpoint, defect, options, storeDir);
    }

    public TestSpec withSeed(long v) {
        return new TestSpec(name, system, systemFile, runtime, workload, nodes, ratePerSecond, concurrency, faults, v,
                timeLimitMillis, drainTimeoutMillis, checkpoint, defect, options, storeDir);
    }

    public TestSpec withTimeLimitMillis(long v) {
        return new TestSpec(name, system, systemFile, runtime, workload, nodes, ratePerSecond, concurrency, faults, seed,
                v, drainTimeoutMillis, checkpoint, defect, options, storeDir);
    }

    public TestSpec withDrainTimeoutMillis(long v) {
        return new TestSpec(name, system, systemFile, runtime, workload, nodes, ratePerSecond, concurrency, faults, seed,
                timeLimitMillis, v, checkpoint, defect, options, storeDir);
    }

    public TestSpec withCheckpoint(CheckpointTriggers v) {
        return new TestSpec(name, system, systemFile, runtime, workload, nodes, ratePerSecond, concurrency, faults, seed,
                timeLimitMillis, drainTimeoutMillis, v, defect, options, storeDir);
    }

    public TestSpec withDefect(String v) {
        return new TestSpec(name, system, systemFile, runtime, workload, nodes, ratePerSecond, concurrency, faults, seed,
                timeLimitMillis, drainTimeoutMillis, checkpoint, v, options, storeDir);
    }

    public TestSpec withOptions(Map<String, JsonNode> v) {
        return new TestSpec(name, system, systemFile, runtime, workload, nodes, ratePerSecond, concurrency, faults, seed,
                timeLimitMillis, drainTimeoutMillis, checkpoint, defect, v, storeDir);
    }

    public TestSpec withStoreDir(String v) {
        return new TestSpec(name, system, systemFile, runtime, workload, nodes, ratePerSecond, concurrency, faults, seed,
                timeLimitMillis, drainTimeoutMillis, checkpoint, defect, options, v);
    }

    /** The name runs are saved under when none is given: system, nemesis kinds and defect. */
    public static String defaultName(String system, java.util.List<String> kinds, String defect) {
        StringBuilder b = new StringBuilder(system);
        kinds.forEach(k -> b.append('-').append(k.replace('+', '-')));
        if (defect != null && !defect.isBlank()) {
            b.append("-").append(defect);
        }
        return b.toString();
    }
}
