package io.cutcheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutcheck.harness.nemesis.ComposedNemesis;
import io.cutcheck.harness.nemesis.Nemesis;
import io.cutcheck.harness.run.RunOutcome;
import io.cutcheck.harness.run.RunParts;
import io.cutcheck.harness.run.TestRun;
import io.cutcheck.harness.schedule.FaultPlan;
import io.cutcheck.harness.services.SutJar;
import io.cutcheck.harness.spec.CheckpointTriggers;
import io.cutcheck.harness.spec.TestSpec;
import io.cutcheck.harness.system.SystemDefinition;
import io.cutcheck.nemesis.disk.DiskFault;
import io.cutcheck.nemesis.disk.DiskOp;
import io.cutcheck.nemesis.disk.SteadyDisk;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the FUSE disk layer costs the reference systems' checkpoint commit: each system runs with
 * no fault on a plain data directory, on a fault disk with no fault, and on a fault disk whose
 * every fsync (files and directories) takes 20 ms longer. Prints the checkpoint duration (trigger
 * to commit, p50 and p99, as the progress checker measures it), the checkpoints committed, and
 * the records (barrier: input records processed; marker: transfers acknowledged) per second of
 * the run phase at the offered rate.
 *
 * <pre>java -Dcutcheck.home=. -cp harness/cli/target/cutcheck.jar:harness/cli/target/test-classes \
 *     io.cutcheck.cli.DiskBench [SECONDS] [RATE]</pre>
 */
public final class DiskBench {

    private DiskBench() {}

    /** One way to give the nodes their data directories. */
    private record Setup(String name, List<Nemesis> nemeses) {}

    public static void main(String[] args) throws Exception {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 20;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        Path store = Files.createTempDirectory("cutcheck-disk-bench");
        Path sutJar = SutJar.locate();
        List<Setup> setups = List.of(
                new Setup("plain directory", List.of()),
                new Setup("fault fs, no fault", List.of(new SteadyDisk(List.of()))),
                new Setup("fault fs, fsync +20 ms", List.of(new SteadyDisk(List.of(DiskFault.delay(DiskOp.FSYNC, 20))))));
        System.out.printf("%d s per run, %d records/s offered, checkpoint every 1 s; store %s%n", seconds, rate, store);
        System.out.printf("%-8s %-24s %9s %9s %11s %10s %8s%n", "system", "setup", "p50 ms", "p99 ms", "committed",
                "records/s", "verdict");
        for (String system : List.of("barrier", "marker")) {
            for (Setup setup : setups) {
                TestSpec spec = spec(system, seconds, rate, store);
                RunParts registry = Runner.parts(spec, sutJar);
                RunParts parts = new RunParts(registry.system(), registry.workload(), registry.runtime(),
                        ComposedNemesis.of(setup.nemeses()), registry.genericCheckers(), sutJar,
                        registry.runDirectory());
                RunOutcome outcome = new TestRun(spec, parts).run();
                print(system, setup.name(), outcome, seconds);
            }
        }
    }

    private static TestSpec spec(String system, long seconds, int rate, Path store) {
        SystemDefinition definition = Registry.system(system, null);
        return new TestSpec("disk-bench-" + system, system, null, "local", definition.workload(),
                definition.defaultWorkers(), rate, 4, FaultPlan.none(), 1, seconds * 1000, 60_000,
                CheckpointTriggers.defaults(), null, Map.of(), store.toString());
    }

    private static void print(String system, String setup, RunOutcome outcome, long seconds) {
        JsonNode r = RunPages.write(outcome, new PrintWriter(System.err, true));
        JsonNode durations = stats(r, "progress").path("checkpointDurationMs");
        JsonNode stream = stats(r, "stream-exactly-once");
        JsonNode ops = r.path("operations");
        double records = stream.has("inputRecords") ? stream.path("inputRecords").asDouble()
                : ops.path("ok").asDouble() + ops.path("fail").asDouble() + ops.path("info").asDouble();
        System.out.printf("%-8s %-24s %9d %9d %11d %10.0f %8s%n", system, setup, durations.path("p50").asLong(),
                durations.path("p99").asLong(), r.path("checkpoints").path("committed").asLong(), records / seconds,
                outcome.verdict().toString().toLowerCase() + (outcome.error() != null ? " (" + outcome.error() + ")" : ""));
    }

    /** A checker's stats in results.json, or a missing node. */
    private static JsonNode stats(JsonNode results, String checker) {
        for (JsonNode c : results.path("checkers")) {
            if (c.path("checker").asText().equals(checker)) {
                return c.path("stats");
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
}
