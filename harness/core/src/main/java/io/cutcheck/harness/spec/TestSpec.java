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
        return toBuilder().systemFile(v).build();
    }

    public TestSpec withName(String v) {
        return toBuilder().name(v).build();
    }

    public TestSpec withNodes(int v) {
        return toBuilder().nodes(v).build();
    }

    public TestSpec withRatePerSecond(int v) {
        return toBuilder().ratePerSecond(v).build();
    }

    public TestSpec withFaults(FaultPlan v) {
        return toBuilder().faults(v).build();
    }

    public TestSpec withSeed(long v) {
        return toBuilder().seed(v).build();
    }

    public TestSpec withTimeLimitMillis(long v) {
        return toBuilder().timeLimitMillis(v).build();
    }

    public TestSpec withDrainTimeoutMillis(long v) {
        return toBuilder().drainTimeoutMillis(v).build();
    }

    public TestSpec withCheckpoint(CheckpointTriggers v) {
        return toBuilder().checkpoint(v).build();
    }

    public TestSpec withDefect(String v) {
        return toBuilder().defect(v).build();
    }

    public TestSpec withOptions(Map<String, JsonNode> v) {
        return toBuilder().options(v).build();
    }

    public TestSpec withStoreDir(String v) {
        return toBuilder().storeDir(v).build();
    }

    /** A builder holding this spec's values, to change some and {@link Builder#build} a new spec. */
    public Builder toBuilder() {
        return new Builder(this);
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

    /**
     * The one place a spec is copied with changes: the {@code with…} methods and callers changing
     * several values at once set fields here, and {@link #build} runs the record's checks once on
     * the result, so a spec that is only valid after two changes can still be made.
     */
    public static final class Builder {
        private String name;
        private String system;
        private String systemFile;
        private String runtime;
        private String workload;
        private int nodes;
        private int ratePerSecond;
        private int concurrency;
        private FaultPlan faults;
        private long seed;
        private long timeLimitMillis;
        private long drainTimeoutMillis;
        private CheckpointTriggers checkpoint;
        private String defect;
        private Map<String, JsonNode> options;
        private String storeDir;

        private Builder(TestSpec from) {
            name = from.name;
            system = from.system;
            systemFile = from.systemFile;
            runtime = from.runtime;
            workload = from.workload;
            nodes = from.nodes;
            ratePerSecond = from.ratePerSecond;
            concurrency = from.concurrency;
            faults = from.faults;
            seed = from.seed;
            timeLimitMillis = from.timeLimitMillis;
            drainTimeoutMillis = from.drainTimeoutMillis;
            checkpoint = from.checkpoint;
            defect = from.defect;
            options = from.options;
            storeDir = from.storeDir;
        }

        public Builder name(String v) {
            name = v;
            return this;
        }

        public Builder system(String v) {
            system = v;
            return this;
        }

        public Builder systemFile(String v) {
            systemFile = v;
            return this;
        }

        public Builder runtime(String v) {
            runtime = v;
            return this;
        }

        public Builder workload(String v) {
            workload = v;
            return this;
        }

        public Builder nodes(int v) {
            nodes = v;
            return this;
        }

        public Builder ratePerSecond(int v) {
            ratePerSecond = v;
            return this;
        }

        public Builder concurrency(int v) {
            concurrency = v;
            return this;
        }

        public Builder faults(FaultPlan v) {
            faults = v;
            return this;
        }

        public Builder seed(long v) {
            seed = v;
            return this;
        }

        public Builder timeLimitMillis(long v) {
            timeLimitMillis = v;
            return this;
        }

        public Builder drainTimeoutMillis(long v) {
            drainTimeoutMillis = v;
            return this;
        }

        public Builder checkpoint(CheckpointTriggers v) {
            checkpoint = v;
            return this;
        }

        public Builder defect(String v) {
            defect = v;
            return this;
        }

        public Builder options(Map<String, JsonNode> v) {
            options = v;
            return this;
        }

        public Builder storeDir(String v) {
            storeDir = v;
            return this;
        }

        public TestSpec build() {
            return new TestSpec(name, system, systemFile, runtime, workload, nodes, ratePerSecond, concurrency,
                    faults, seed, timeLimitMillis, drainTimeoutMillis, checkpoint, defect, options, storeDir);
        }
    }
}
