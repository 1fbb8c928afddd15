package io.cutcheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutcheck.harness.runtime.docker.IptablesPartitionNemesis;
import io.cutcheck.harness.schedule.FaultPlan;
import io.cutcheck.harness.schedule.FaultTarget;
import io.cutcheck.harness.schedule.Scenario;
import io.cutcheck.harness.schedule.ScenarioReader;
import io.cutcheck.harness.spec.CheckpointTriggers;
import io.cutcheck.harness.spec.NodeOptions;
import io.cutcheck.harness.spec.TestSpec;
import io.cutcheck.harness.system.ShippedSystems;
import io.cutcheck.harness.system.SystemDefinition;
import io.cutcheck.harness.workload.Workload;
import io.cutcheck.harness.workload.WorkloadSettings;
import io.cutcheck.nemesis.network.NetworkNemeses;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The one way to make a run's spec: {@code cutcheck test} fills it from its flags, the JUnit
 * extension and Java users from code. Every choice has the command line's default, and
 * {@link #build()} checks them all against the system (a shipped one, a descriptor file, or one
 * described in code) and the registry, each problem one line.
 */
public final class SpecBuilder {

    private String system;
    private Path systemFile;
    private SystemDefinition definition;
    private String runtime = "local";
    private List<String> nemesis = List.of("kill", "pause");
    private boolean nemesisGiven;
    private List<String> targets = List.of("one", "coordinator", "minority");
    private Double timeLimitSeconds;
    private Path scenarioFile;
    private Scenario scenario;
    private Long seed;
    private Integer nodes;
    private int rate = 200;
    private int concurrency = 2;
    private long faultIntervalMillis = 3000;
    private long faultDurationMillis = 1500;
    private double faultJitter = 0.25;
    private long checkpointIntervalMillis = 1000;
    private long checkpointEveryRecords;
    private double drainTimeoutSeconds = 60;
    private String defect;
    private final Map<String, JsonNode> options = new LinkedHashMap<>();
    private final List<String> optionArguments = new ArrayList<>();
    private String name;
    private Path store = Path.of("store");
    private String workload;

    /** A shipped system by name ({@code barrier}, {@code marker}); the default is {@code barrier}. */
    public SpecBuilder system(String name) {
        this.system = name;
        return this;
    }

    /** A system described by a descriptor file (systems-under-test/DESCRIPTOR.md). */
    public SpecBuilder systemFile(Path descriptor) {
        this.systemFile = descriptor;
        return this;
    }

    /** A system described in code; run it with {@link Embedded#run(TestSpec, SystemDefinition)}. */
    public SpecBuilder system(SystemDefinition described) {
        this.definition = described;
        return this;
    }

    public SpecBuilder runtime(String name) {
        this.runtime = name;
        return this;
    }

    /** Fault kinds ({@code a+b} for faults at once); empty or {@code none} for no faults. */
    public SpecBuilder nemesis(List<String> kinds) {
        this.nemesis = List.copyOf(kinds);
        this.nemesisGiven = true;
        return this;
    }

    /** Follow the faults this scenario file writes out (SCENARIO.md) instead of drawing them. */
    public SpecBuilder scenarioFile(Path file) {
        this.scenarioFile = file;
        return this;
    }

    /** Follow these faults instead of drawing them: a scenario made in code, or a saved run's. */
    public SpecBuilder scenario(Scenario steps) {
        this.scenario = steps;
        return this;
    }

    public SpecBuilder targets(List<String> kinds) {
        this.targets = List.copyOf(kinds);
        return this;
    }

    /** The run phase's length; null (the default) is 30 s, or a scenario's end plus 5 s. */
    public SpecBuilder timeLimitSeconds(Double seconds) {
        this.timeLimitSeconds = seconds;
        return this;
    }

    /** The seed; null (the default) draws one. */
    public SpecBuilder seed(Long value) {
        this.seed = value;
        return this;
    }

    /** Worker nodes; null (the default) is the system's own default. */
    public SpecBuilder nodes(Integer workers) {
        this.nodes = workers;
        return this;
    }

    public SpecBuilder rate(int recordsPerSecond) {
        this.rate = recordsPerSecond;
        return this;
    }

    public SpecBuilder concurrency(int clients) {
        this.concurrency = clients;
        return this;
    }

    public SpecBuilder faultTiming(long intervalMillis, long durationMillis, double jitter) {
        this.faultIntervalMillis = intervalMillis;
        this.faultDurationMillis = durationMillis;
        this.faultJitter = jitter;
        return this;
    }

    public SpecBuilder checkpointIntervalMillis(long millis) {
        this.checkpointIntervalMillis = millis;
        return this;
    }

    public SpecBuilder checkpointEveryRecords(long records) {
        this.checkpointEveryRecords = records;
        return this;
    }

    public SpecBuilder drainTimeoutSeconds(double seconds) {
        this.drainTimeoutSeconds = seconds;
        return this;
    }

    /** A defect the system declares, or null for the correct system. */
    public SpecBuilder defect(String name) {
        this.defect = name;
        return this;
    }

    /** One of the system's declared options, in every node's {@code options}. */
    public SpecBuilder option(String key, JsonNode value) {
        this.options.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        return this;
    }

    /** Options as {@code key=value} arguments ({@code --option}); values parse as JSON when they can. */
    public SpecBuilder optionArguments(List<String> keyValues) {
        this.optionArguments.addAll(keyValues);
        return this;
    }

    /** The test name, the store folder its runs go to; by default system, nemesis kinds and defect. */
    public SpecBuilder name(String value) {
        this.name = value;
        return this;
    }

    public SpecBuilder store(Path root) {
        this.store = root;
        return this;
    }

    /** Another workload than the system's own, checked against the registry. */
    public SpecBuilder workload(String name) {
        this.workload = name;
        return this;
    }

    /** The system this spec runs, resolved from what was given. */
    public SystemDefinition definition() {
        int given = (system != null ? 1 : 0) + (systemFile != null ? 1 : 0) + (definition != null ? 1 : 0);
        if (given > 1) {
            throw new IllegalArgumentException("give --system or --system-file, not both");
        }
        return definition != null ? definition : Registry.system(system == null ? "barrier" : system, systemFile);
    }

    /**
     * The spec, every choice checked.
     *
     * @throws IllegalArgumentException with one line saying what is wrong
     */
    public TestSpec build() {
        SystemDefinition described = definition();
        Registry.require(Registry.RUNTIMES, "runtime", runtime);
        Registry.checkRuntime(described, runtime);
        Registry.checkProgram(described, descriptorFile(), runtime);
        Scenario followed = scenario();
        List<String> kinds = kinds(followed);
        List<FaultTarget> faultTargets = faultTargets();
        double timeLimitSeconds = timeLimitSeconds(followed);
        requireSeconds("--time-limit", timeLimitSeconds, " (a day)");
        requireSeconds("--drain-timeout", drainTimeoutSeconds, "");
        checkTiming();
        int workers = nodes == null ? described.defaultWorkers() : nodes;
        if (workers > TestSpec.MAX_NODES) {
            throw new IllegalArgumentException("--nodes must be at most " + TestSpec.MAX_NODES + ": " + workers);
        }
        if (workers < described.minWorkers()) {
            throw new IllegalArgumentException("the " + described.name() + " system needs --nodes >= "
                    + described.minWorkers() + ": " + workers);
        }
        described.requireDefect(defect);
        Map<String, JsonNode> nodeOptions = new LinkedHashMap<>(NodeOptions.parse(optionArguments));
        options.forEach(nodeOptions::putIfAbsent);
        described.requireOptions(nodeOptions.keySet());
        String workloadName = workload != null ? workload : described.workload();
        Workload chosen = Registry.require(Registry.WORKLOADS, "workload", workloadName).get();
        long timeLimitMillis = Math.round(timeLimitSeconds * 1000);
        TestSpec spec = new TestSpec(name != null ? name : TestSpec.defaultName(described.name(), kinds, defect),
                described.name(), systemFile == null ? null : systemFile.toAbsolutePath().normalize().toString(),
                runtime, workloadName, workers, rate, concurrency,
                new FaultPlan(kinds, faultTargets, faultIntervalMillis, faultJitter, faultDurationMillis, followed),
                seed != null ? seed : System.nanoTime() & 0xffffffL, timeLimitMillis,
                Math.round(drainTimeoutSeconds * 1000), CheckpointTriggers.defaults()
                        .withIntervalMillis(checkpointIntervalMillis).withEveryRecords(checkpointEveryRecords),
                defect, nodeOptions, store.toString());
        // refused here rather than when the run starts: one line, before anything is set up
        Folders.requireMakeable("--store", store, store.resolve(spec.name()));
        WorkloadSettings settings = new WorkloadSettings(workers, rate, timeLimitMillis, concurrency);
        described.checkLayout(workers, chosen.partitions(settings));
        NodeOptions.merge(workloadName, chosen.options(settings), nodeOptions);
        return spec;
    }

    /** The descriptor the system was read from, for messages; null for a system described in code. */
    private Path descriptorFile() {
        if (definition != null) {
            return null;
        }
        return systemFile != null ? systemFile : ShippedSystems.file(system == null ? "barrier" : system);
    }

    private List<FaultTarget> faultTargets() {
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("--targets needs at least one target (one of: one, coordinator,"
                    + " non-coordinator, minority, all)");
        }
        return targets.stream().map(FaultTarget::parse).distinct().toList();
    }

    /**
     * The fault and checkpoint timing, each in the flag's own words: the records they end up in
     * ({@link FaultPlan}, {@link CheckpointTriggers}) say what is wrong but not which flag.
     */
    private void checkTiming() {
        requireMillis("--fault-interval", faultIntervalMillis, 1);
        if (!(faultJitter >= 0 && faultJitter < 1)) {
            throw new IllegalArgumentException("--fault-jitter must be a fraction from 0 to below 1: " + faultJitter);
        }
        long shortestGap = Math.round(faultIntervalMillis * (1 - faultJitter));
        if (faultDurationMillis < 1 || faultDurationMillis > shortestGap) {
            throw new IllegalArgumentException("--fault-duration must be from 1 ms to the shortest gap between faults ("
                    + shortestGap + " ms, from --fault-interval and --fault-jitter), so faults never overlap: "
                    + faultDurationMillis);
        }
        requireMillis("--checkpoint-interval", checkpointIntervalMillis, 0);
        if (checkpointEveryRecords < 0) {
            throw new IllegalArgumentException("--checkpoint-every-records must be 0 (off) or more: "
                    + checkpointEveryRecords);
        }
    }

    /** A span in ms from {@code min} ({@code 0}: off) to a day, as every duration of a run. */
    private static void requireMillis(String flag, long millis, long min) {
        if (millis < min || millis > TestSpec.MAX_MILLIS) {
            throw new IllegalArgumentException(flag + " must be from " + min + (min == 0 ? " (off)" : "") + " to "
                    + TestSpec.MAX_MILLIS + " ms (a day): " + millis);
        }
    }

    /** The scenario to follow, read from its file when one was given; null for drawn faults. */
    private Scenario scenario() {
        if (scenarioFile != null && scenario != null) {
            throw new IllegalArgumentException("give a scenario file or a scenario, not both");
        }
        if ((scenarioFile != null || scenario != null) && nemesisGiven) {
            throw new IllegalArgumentException("--scenario names its own fault kinds: drop --nemesis");
        }
        Scenario followed = scenarioFile != null
                ? ScenarioReader.read(scenarioFile, kind -> Registry.checkKind(kind, runtime)) : scenario;
        if (scenario != null) {
            scenario.faults().forEach(step -> {
                try {
                    Registry.checkKind(step.kind(), runtime);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(step.label() + ": " + e.getMessage());
                }
            });
        }
        return followed;
    }

    /** 30 s, or long enough for the scenario to be healed with 5 s to spare, unless given. */
    private double timeLimitSeconds(Scenario followed) {
        if (timeLimitSeconds != null) {
            return timeLimitSeconds;
        }
        return followed == null ? 30 : Math.ceil(followed.endMillis() / 1000.0) + 5;
    }

    private List<String> kinds(Scenario followed) {
        if (nemesis.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("--nemesis has an empty entry: " + String.join(",", nemesis)
                    + " (give fault kinds, or 'none' for no faults)");
        }
        List<String> kinds = followed != null ? followed.kinds()
                : nemesis.stream().map(String::trim).filter(k -> !k.equals("none")).distinct().toList();
        kinds.forEach(k -> Registry.checkKind(k, runtime));
        List<String> atomic = Registry.atomicKinds(kinds);
        if (atomic.contains(IptablesPartitionNemesis.KIND) && atomic.stream().anyMatch(NetworkNemeses::isNetworkKind)) {
            // proxied traffic reaches a node from the host, which the firewall rules do not cut
            throw new IllegalArgumentException("nemesis '" + IptablesPartitionNemesis.KIND
                    + "' cannot be combined with the proxy kinds (partition, latency, ...): the proxies bypass it");
        }
        return kinds;
    }

    private static void requireSeconds(String flag, double seconds, String note) {
        if (!(seconds > 0) || seconds > TestSpec.MAX_MILLIS / 1000.0) {
            throw new IllegalArgumentException(flag + " must be positive and at most " + TestSpec.MAX_MILLIS / 1000
                    + " s" + note + ": " + seconds);
        }
    }
}
