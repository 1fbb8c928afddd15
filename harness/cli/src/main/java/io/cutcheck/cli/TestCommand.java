package io.cutcheck.cli;

import io.cutcheck.harness.runtime.docker.IptablesPartitionNemesis;
import io.cutcheck.harness.schedule.FaultPlan;
import io.cutcheck.harness.schedule.FaultTarget;
import com.fasterxml.jackson.databind.JsonNode;
import io.cutcheck.harness.spec.CheckpointTriggers;
import io.cutcheck.harness.spec.NodeOptions;
import io.cutcheck.harness.spec.TestSpec;
import io.cutcheck.harness.system.SystemDefinition;
import io.cutcheck.harness.workload.WorkloadSettings;
import io.cutcheck.nemesis.network.NetworkNemeses;
import io.cutcheck.nemesis.network.ToxiproxyEndpoint;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cutcheck test}: runs a test (or several) and exits with the verdict. */
@Command(name = "test", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run a system under faults and check its checkpoints.")
final class TestCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec command;

    @Option(names = "--system", description = "a shipped system under test (default: barrier)")
    String system;

    @Option(names = "--system-file", paramLabel = "DESCRIPTOR",
            description = "test the system this descriptor describes (systems-under-test/DESCRIPTOR.md)")
    Path systemFile;

    @Option(names = "--runtime", defaultValue = "local", description = "where nodes run (default: ${DEFAULT-VALUE})")
    String runtime;

    @Option(names = "--nemesis", split = ",", defaultValue = "kill,pause",
            description = "fault kinds, comma-separated, or 'none'; a+b injects a and b together"
                    + " on the same targets (default: ${DEFAULT-VALUE})")
    List<String> nemesis;

    @Option(names = "--toxiproxy", paramLabel = "URL",
            description = "run network faults on this Toxiproxy server (default: an embedded one per run)")
    String toxiproxy;

    @Option(names = "--targets", split = ",", defaultValue = "one,coordinator,minority",
            description = "fault targets: one, coordinator, non-coordinator, minority, all (default: ${DEFAULT-VALUE})")
    List<String> targets;

    @Option(names = "--time-limit", defaultValue = "30", paramLabel = "SECONDS",
            description = "length of the run phase (default: ${DEFAULT-VALUE})")
    double timeLimitSeconds;

    @Option(names = "--seed", description = "seed of the workload and fault schedule (default: random)")
    Long seed;

    @Option(names = "--nodes", description = "worker nodes: operators (barrier, >= 2), peers (marker, >= 3)")
    Integer nodes;

    @Option(names = "--rate", defaultValue = "200", description = "input records per second (default: ${DEFAULT-VALUE})")
    int rate;

    @Option(names = "--concurrency", defaultValue = "2", description = "client processes (default: ${DEFAULT-VALUE})")
    int concurrency;

    @Option(names = "--fault-interval", defaultValue = "3000", paramLabel = "MS",
            description = "mean time between fault starts (default: ${DEFAULT-VALUE})")
    long faultInterval;

    @Option(names = "--fault-duration", defaultValue = "1500", paramLabel = "MS",
            description = "how long each fault lasts (default: ${DEFAULT-VALUE})")
    long faultDuration;

    @Option(names = "--fault-jitter", defaultValue = "0.25",
            description = "variation of the interval, fraction in [0,1) (default: ${DEFAULT-VALUE})")
    double faultJitter;

    @Option(names = "--checkpoint-interval", defaultValue = "1000", paramLabel = "MS",
            description = "automatic checkpoint every MS ms, 0 = off (default: ${DEFAULT-VALUE})")
    long checkpointInterval;

    @Option(names = "--checkpoint-every-records", defaultValue = "0", paramLabel = "N",
            description = "automatic checkpoint every N input records, 0 = off (default: ${DEFAULT-VALUE})")
    long checkpointEveryRecords;

    @Option(names = "--drain-timeout", defaultValue = "60", paramLabel = "SECONDS",
            description = "bound on catching up after healing (default: ${DEFAULT-VALUE})")
    double drainTimeoutSeconds;

    @Option(names = "--defect", description = "run a deliberate defect variant (see: cutcheck defects);"
            + " the name is passed to every node as it is")
    String defect;

    @Option(names = "--option", paramLabel = "KEY=VALUE",
            description = "add KEY to every node's options, repeatable; VALUE is JSON if it parses as JSON, else text")
    List<String> options = new java.util.ArrayList<>();

    @Option(names = "--store", defaultValue = "store", paramLabel = "DIR", description = "store root (default: ${DEFAULT-VALUE})")
    Path store;

    @Option(names = "--name", description = "test name, the store directory (default: system-nemeses[-defect])")
    String name;

    @Option(names = "--test-count", defaultValue = "1", paramLabel = "K",
            description = "run K times with seeds seed, seed+1, … (default: ${DEFAULT-VALUE})")
    int testCount;

    static final int MAX_TEST_COUNT = 10_000;

    /** The help footer, from the registry. */
    static String[] footer() {
        return new String[] {"", "Systems:", Registry.describeSystems(), "", "Nemeses:",
                Registry.describe(Registry.NEMESES), "", "Runtimes:", Registry.describe(Registry.RUNTIMES), "",
                "Exit codes: 0 valid, 1 invalid, 2 unknown or error."};
    }

    @Override
    public Integer call() throws IOException {
        TestSpec spec;
        ToxiproxyEndpoint endpoint;
        try {
            spec = spec();
            endpoint = NetworkNemeses.endpoint(toxiproxy);
            endpoint.check();
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw new CommandLine.ParameterException(command.commandLine(), e.getMessage());
        }
        Registry.prepareRuntime(spec.runtime(), Registry.system(spec));
        return Runner.run(spec, testCount, command.commandLine(), endpoint);
    }

    TestSpec spec() {
        if (system != null && systemFile != null) {
            throw new IllegalArgumentException("give --system or --system-file, not both");
        }
        SystemDefinition definition = Registry.system(system == null ? "barrier" : system, systemFile);
        Registry.checkRuntime(definition, runtime);
        Registry.require(Registry.RUNTIMES, "runtime", runtime);
        if (nemesis.isEmpty() || nemesis.stream().anyMatch(k -> k.isBlank())) {
            throw new IllegalArgumentException("--nemesis has an empty entry: " + String.join(",", nemesis)
                    + " (give fault kinds, or 'none' for no faults)");
        }
        List<String> kinds = nemesis.stream().map(String::trim).filter(k -> !k.equals("none")).distinct().toList();
        kinds.forEach(k -> Registry.checkKind(k, runtime));
        List<String> atomic = Registry.atomicKinds(kinds);
        if (atomic.contains(IptablesPartitionNemesis.KIND) && atomic.stream().anyMatch(NetworkNemeses::isNetworkKind)) {
            // proxied traffic reaches a node from the host, which the firewall rules do not cut
            throw new IllegalArgumentException("nemesis '" + IptablesPartitionNemesis.KIND
                    + "' cannot be combined with the proxy kinds (partition, latency, ...): the proxies bypass it");
        }
        List<FaultTarget> faultTargets = targets.stream().map(FaultTarget::parse).distinct().toList();
        if (testCount < 1) {
            throw new IllegalArgumentException("--test-count must be at least 1: " + testCount);
        }
        if (!(timeLimitSeconds > 0) || timeLimitSeconds > TestSpec.MAX_MILLIS / 1000.0) {
            throw new IllegalArgumentException("--time-limit must be positive and at most "
                    + TestSpec.MAX_MILLIS / 1000 + " s (a day): " + timeLimitSeconds);
        }
        if (!(drainTimeoutSeconds > 0) || drainTimeoutSeconds > TestSpec.MAX_MILLIS / 1000.0) {
            throw new IllegalArgumentException("--drain-timeout must be positive and at most "
                    + TestSpec.MAX_MILLIS / 1000 + " s: " + drainTimeoutSeconds);
        }
        if (testCount > MAX_TEST_COUNT) {
            throw new IllegalArgumentException("--test-count must be at most " + MAX_TEST_COUNT + ": " + testCount);
        }
        int workers = nodes == null ? definition.defaultWorkers() : nodes;
        if (workers > TestSpec.MAX_NODES) {
            throw new IllegalArgumentException("--nodes must be at most " + TestSpec.MAX_NODES + ": " + workers);
        }
        if (workers < definition.minWorkers()) {
            throw new IllegalArgumentException("the " + definition.name() + " system needs --nodes >= " + definition.minWorkers()
                    + ": " + workers);
        }
        FaultPlan plan = new FaultPlan(kinds, faultTargets, faultInterval, faultJitter, faultDuration);
        CheckpointTriggers triggers = CheckpointTriggers.defaults().withIntervalMillis(checkpointInterval)
                .withEveryRecords(checkpointEveryRecords);
        definition.requireDefect(defect);
        Map<String, JsonNode> nodeOptions = NodeOptions.parse(options);
        definition.requireOptions(nodeOptions.keySet());
        long timeLimitMillis = Math.round(timeLimitSeconds * 1000);
        String systemName = definition.name();
        TestSpec spec = new TestSpec(name != null ? name : TestSpec.defaultName(systemName, kinds, defect), systemName,
                systemFile == null ? null : systemFile.toAbsolutePath().normalize().toString(), runtime,
                definition.workload(), workers, rate, concurrency, plan,
                seed != null ? seed : System.nanoTime() & 0xffffffL, timeLimitMillis,
                Math.round(drainTimeoutSeconds * 1000), triggers, defect, nodeOptions, store.toString());
        // refused here rather than when the run starts: one line, before anything is set up
        WorkloadSettings settings = new WorkloadSettings(workers, rate, timeLimitMillis, concurrency);
        NodeOptions.merge(definition.workload(), Registry.require(Registry.WORKLOADS, "workload",
                definition.workload()).get().options(settings), nodeOptions);
        return spec;
    }
}
