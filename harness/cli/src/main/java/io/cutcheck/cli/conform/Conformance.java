package io.cutcheck.cli.conform;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutcheck.harness.cleanup.Resources;
import io.cutcheck.harness.cleanup.RunFile;
import io.cutcheck.harness.cleanup.RunGuard;
import io.cutcheck.harness.system.NodeSlot;
import io.cutcheck.harness.system.SystemDefinition;
import io.cutcheck.harness.workload.Workload;
import io.cutcheck.harness.workload.WorkloadSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * {@code cutcheck conform}: starts a system once, without faults, and checks it rule by rule
 * against PROTOCOL.md, most rules on that one system and the independent ones at once, so the
 * kit stays within a minute. Its timeline: start (and, meanwhile, the bad node-config files);
 * the plain endpoints and a little input; an external trigger and its content; kill -9 of one
 * node of each role but the committing node's, then of the committing node; the drain. Every
 * process it starts is recorded in the run file and stopped at the end and on Ctrl-C.
 */
public final class Conformance {

    /** Input over the kit: the plan of a 3 s run at 1000 records/s, one client. */
    static final WorkloadSettings INPUT = new WorkloadSettings(1, 1000, 3000, 1);

    private final SystemDefinition system;
    private final Workload workload;
    private final Path sutJar;
    private final Path runDirectory;
    private final Path workDir;
    private final Report report = new Report();
    private final Resources resources = new Resources();

    /**
     * @param workDir node logs and data go in a new directory under it, kept; null: in a new
     *     temporary directory, removed when no rule failed
     */
    public Conformance(SystemDefinition system, Workload workload, Path sutJar, Path runDirectory, Path workDir) {
        this.system = system;
        this.workload = workload;
        this.sutJar = sutJar;
        this.runDirectory = runDirectory;
        this.workDir = workDir;
    }

    /** Refuses, before anything starts, a layout the kit could not start ({@link SystemDefinition#checkLayout}). */
    public static void checkLayout(SystemDefinition system, Workload workload) {
        int workers = system.defaultWorkers();
        system.checkLayout(workers, workload.partitions(
                new WorkloadSettings(workers, INPUT.ratePerSecond(), INPUT.timeLimitMillis(), 1)));
    }

    /** Runs the kit, prints the table on {@code out} and progress on {@code err}; the exit status. */
    public int run(PrintWriter out, PrintWriter err) throws IOException {
        long begin = System.nanoTime();
        RunGuard guard = RunGuard.start(runDirectory, resources, "conform-cleanup");
        RunFile runFile = guard.runFile();
        // always a new directory: nodes given an old data directory would restore from it
        Path dir = workDir == null ? Files.createTempDirectory("cutcheck-conform-")
                : Files.createTempDirectory(Files.createDirectories(workDir.toAbsolutePath()), system.name() + "-");
        List<Rule> rules = Rules.ordered(List.of());
        try {
            int workers = system.defaultWorkers();
            WorkloadSettings unnamed = new WorkloadSettings(workers, INPUT.ratePerSecond(), INPUT.timeLimitMillis(), 1);
            int partitions = workload.partitions(unnamed);
            List<NodeSlot> slots = system.nodes(workers, partitions);
            WorkloadSettings settings = unnamed.withNodeNames(slots.stream().map(NodeSlot::node).toList());
            Map<String, JsonNode> options = workload.options(settings);
            out.printf("conform: %s (%s workload; %d nodes: %s) on the local runtime%n", system.name(),
                    system.workload(), slots.size(), String.join(", ", slots.stream().map(NodeSlot::node).toList()));
            out.flush();
            Waits waits = new Waits(err);
            NodeConfigChecks badConfig = open(new NodeConfigChecks(system, slots, dir.resolve("bad-config"), runFile));
            CompletableFuture<Outcome> notJson = Parallel.start(badConfig::notJson);
            CompletableFuture<Outcome> missing = inParallel(Rules.CONFIG_MISSING_FIELD, badConfig::missingField);
            KitCluster cluster = open(new KitCluster(system, slots, runFile));
            long startedAt = System.nanoTime();
            try {
                cluster.start(dir, partitions, Timeline.TRIGGERS, options, sutJar, runFile);
            } catch (IOException | RuntimeException e) {
                return unstartable("the system could not be started: " + oneLine(e) + "; logs in " + dir, err);
            }
            CheckpointWatch watch = open(new CheckpointWatch(cluster).start());
            RestoreChecks restore = new RestoreChecks(cluster, watch, waits);
            List<KitCluster.Member> others = restore.othersOfEachRole();
            rules = Rules.ordered(restoreRules(cluster, others));
            String notRunning = cluster.awaitRunning(waits);
            if (notRunning != null) {
                return unstartable(notRunning + "; logs in " + dir, err);
            }
            report.record(Outcome.pass(Rules.RUNNING, String.format("%.1f s after the start",
                    (System.nanoTime() - startedAt) / 1e9)));
            CompletableFuture<Outcome> unknown = inParallel(Rules.CONFIG_UNKNOWN, badConfig::unknownValues);
            new Timeline(system, workload, cluster, watch, restore, report, waits).run(others, settings, options);
            report.record(notJson.join());
            report.record(missing.join());
            report.record(unknown.join());
            watch.settle();
            watch.close();
            watch.outcomes().forEach(report::record);
            return finish(rules, begin, out, dir, null);
        } catch (RuntimeException e) {
            return finish(rules, begin, out, dir, "the kit stopped: " + oneLine(e));
        } finally {
            guard.close();
        }
    }

    /** A restore rule for one node of each role other than the committer's, and one for the committer. */
    private static List<Rule> restoreRules(KitCluster cluster, List<KitCluster.Member> others) {
        List<Rule> rules = new ArrayList<>();
        others.forEach(m -> rules.add(Rules.restore(m.name(), m.role(), false)));
        rules.add(Rules.restore(cluster.committer().name(), cluster.committer().role(), true));
        return rules;
    }

    /** A bad-config check that writes a file: run beside the others; a file it cannot write fails its rule. */
    private static CompletableFuture<Outcome> inParallel(Rule rule, FileCheck check) {
        return Parallel.start(() -> {
            try {
                return check.run();
            } catch (IOException e) {
                return Outcome.fail(rule, "cannot write the file: " + e.getMessage());
            }
        });
    }

    private interface FileCheck {
        Outcome run() throws IOException;
    }

    private int unstartable(String why, PrintWriter err) {
        err.println("cutcheck: conform: " + why);
        err.flush();
        return 2;
    }

    private int finish(List<Rule> rules, long begin, PrintWriter out, Path dir, String stopped) {
        cleanup();
        List<Outcome> rows = report.rows(rules, stopped != null ? stopped : "not reached");
        Report.print(rows, (System.nanoTime() - begin) / 1e9, out);
        int code = Report.exitCode(rows);
        if (code == 0 && stopped == null && workDir == null) {
            delete(dir);
        } else {
            out.println("conform: node logs and data in " + dir);
            out.flush();
        }
        return stopped != null && code == 0 ? 2 : code;
    }

    private <T extends AutoCloseable> T open(T resource) {
        return resources.open(resource);
    }

    /** Closes everything opened so far, newest first; idempotent. */
    private void cleanup() {
        resources.close();
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory left behind is harmless
        }
    }

    static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.replace('\n', ' ');
    }
}
