package io.cutcheck.cli;

import io.cutcheck.harness.spec.TestSpec;
import io.cutcheck.nemesis.network.NetworkNemeses;
import io.cutcheck.nemesis.network.ToxiproxyEndpoint;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
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

    @Option(names = "--scenario", paramLabel = "FILE",
            description = "follow the faults this file writes out (harness/SCENARIO.md) instead of drawing them;"
                    + " replaces --nemesis, --targets and --fault-*")
    Path scenario;

    @Option(names = "--toxiproxy", paramLabel = "URL",
            description = "run network faults on this Toxiproxy server (default: an embedded one per run)")
    String toxiproxy;

    @Option(names = "--targets", split = ",", defaultValue = "one,coordinator,minority",
            description = "fault targets: one, coordinator, non-coordinator, minority, all (default: ${DEFAULT-VALUE})")
    List<String> targets;

    @Option(names = "--time-limit", paramLabel = "SECONDS",
            description = "length of the run phase (default: 30, or a scenario's end + 5)")
    Double timeLimitSeconds;

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
        return Footer.LINES.clone();
    }

    /**
     * Made once per process: it reads the shipped descriptors, and a program that makes many
     * command lines (the in-process tests) would otherwise read them for every one.
     */
    private static final class Footer {
        static final String[] LINES = {"", "Systems:", Registry.describeSystems(), "", "Nemeses:",
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
        if (testCount < 1 || testCount > MAX_TEST_COUNT) {
            throw new IllegalArgumentException("--test-count must be from 1 to " + MAX_TEST_COUNT + ": " + testCount);
        }
        if (nemesis.isEmpty()) {
            throw new IllegalArgumentException("--nemesis has an empty entry (give fault kinds, or 'none' for no faults)");
        }
        SpecBuilder builder = new SpecBuilder();
        if (scenario != null) {
            builder.scenarioFile(scenario);
        }
        if (scenario == null || command.commandLine().getParseResult().hasMatchedOption("--nemesis")) {
            builder.nemesis(nemesis);
        }
        if (system != null) {
            builder.system(system);
        }
        if (systemFile != null) {
            builder.systemFile(systemFile);
        }
        return builder.runtime(runtime).targets(targets).timeLimitSeconds(timeLimitSeconds)
                .seed(seed).nodes(nodes).rate(rate).concurrency(concurrency)
                .faultTiming(faultInterval, faultDuration, faultJitter).checkpointIntervalMillis(checkpointInterval)
                .checkpointEveryRecords(checkpointEveryRecords).drainTimeoutSeconds(drainTimeoutSeconds)
                .defect(defect).optionArguments(options).name(name).store(store).build();
    }
}
