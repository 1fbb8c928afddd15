package io.cutcheck.harness.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutcheck.harness.checker.Validity;
import io.cutcheck.harness.cleanup.Resources;
import io.cutcheck.harness.cleanup.RunGuard;
import io.cutcheck.harness.cleanup.RunFile;
import io.cutcheck.harness.history.Op;
import io.cutcheck.harness.history.OpType;
import io.cutcheck.harness.nemesis.Fault;
import io.cutcheck.harness.nemesis.FaultContext;
import io.cutcheck.harness.observe.CheckpointPoller;
import io.cutcheck.harness.observe.Collected;
import io.cutcheck.harness.observe.EventPoller;
import io.cutcheck.harness.observe.FaultRecorder;
import io.cutcheck.harness.observe.HistoryRecorder;
import io.cutcheck.harness.observe.Observations;
import io.cutcheck.harness.schedule.FaultSchedule;
import io.cutcheck.harness.schedule.Planned;
import io.cutcheck.harness.schedule.Schedule;
import io.cutcheck.harness.services.InputLogReader;
import io.cutcheck.harness.services.OutputReader;
import io.cutcheck.harness.spec.NodeOptions;
import io.cutcheck.harness.spec.TestSpec;
import io.cutcheck.harness.store.Json;
import io.cutcheck.harness.store.JsonlWriter;
import io.cutcheck.harness.store.StoreIntegrity;
import io.cutcheck.harness.store.StoreLayout;
import io.cutcheck.harness.store.StoreLines;
import io.cutcheck.harness.store.StoreReader;
import io.cutcheck.harness.store.TestManifest;
import io.cutcheck.harness.sut.SutClient;
import io.cutcheck.harness.system.NodeSlot;
import io.cutcheck.harness.workload.WorkloadSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * One run of a test, phase by phase (set up, run, heal, drain, collect, check), writing the store
 * as it goes. Every process it starts is stopped at the end, on failure, and on Ctrl-C (shutdown
 * hook); processes of an earlier harness killed with -9 are killed before it starts.
 *
 * <p>It returns what the run found as a {@link RunOutcome}, also when the run is cut short, and
 * writes no report: {@code results.json} needs figures only the reports module computes, and this
 * module cannot depend on it, so whoever runs a test hands the outcome to the reports module.
 */
public final class TestRun {

    private static final Duration HEALTHY_TIMEOUT = Duration.ofSeconds(60);
    private static final long OPERATION_TIMEOUT_MILLIS = 5000;

    private final TestSpec spec;
    private final RunParts parts;
    private final WorkloadSettings unnamed;
    private final int partitions;
    private final List<NodeSlot> slots;
    private final String committer;
    private final Schedule<Fault> faultPlan;
    private final PhaseTimer timer = new PhaseTimer();
    private final Resources resources = new Resources();
    private volatile HistoryRecorder history;
    private volatile FaultRecorder faults;
    private volatile CheckpointPoller checkpoints;
    private volatile long runStartNanos;
    private volatile DrainOutcome drain;

    /**
     * Lays out the nodes and plans the faults at once, so a plan that cannot be carried out is
     * refused before anything starts.
     *
     * @throws IllegalArgumentException when the faults cannot be planned on this system's nodes
     */
    public TestRun(TestSpec spec, RunParts parts) {
        this.spec = spec;
        this.parts = parts;
        this.unnamed = new WorkloadSettings(spec.nodes(), spec.ratePerSecond(), spec.timeLimitMillis(), spec.concurrency());
        this.partitions = parts.workload().partitions(unnamed);
        this.slots = parts.system().nodes(spec.nodes(), partitions);
        this.committer = parts.system().committer(slots);
        FaultSchedule.Aims aims = new FaultSchedule.Aims(parts.system().silentNodes(slots),
                parts.nemesis()::aimsAtAcknowledgements);
        this.faultPlan = FaultSchedule.plan(spec.faults(), slots.stream().map(NodeSlot::node).toList(),
                Set.of(committer), aims, spec.timeLimitMillis(), spec.seed());
    }

    public RunOutcome run() {
        StoreLayout store = null;
        try (RunGuard guard = RunGuard.start(parts.runDirectory(), resources, "cutcheck-cleanup")) {
            try {
                store = StoreLayout.create(Path.of(spec.storeDir()), spec.name(), Instant.now());
                return execute(store, guard.runFile());
            } catch (Exception | Error e) {
                cleanup();
                return failed(store, e);
            }
        }
    }

    private RunOutcome execute(StoreLayout store, RunFile runFile) throws Exception {
        timer.begin(Phase.SETUP);
        WorkloadSettings settings = unnamed.withNodeNames(slots.stream().map(NodeSlot::node).toList());
        Schedule<Op> operations = parts.workload().operations(settings, spec.seed());
        Map<String, JsonNode> workloadOptions = parts.workload().options(settings);
        Map<String, JsonNode> options = NodeOptions.merge(spec.workload(), workloadOptions, spec.options());
        Json.writeAtomically(store.testJson(), new TestManifest(StoreLayout.FORMAT, spec, slots, committer,
                faultPlan.items().stream().map(Planned::what).toList(), workloadOptions, System.currentTimeMillis()));

        JsonlWriter historyOut = open(new JsonlWriter(store.history()));
        JsonlWriter eventsOut = open(new JsonlWriter(store.events()));
        JsonlWriter nemesisOut = open(new JsonlWriter(store.nemesis()));
        JsonlWriter checkpointsOut = open(new JsonlWriter(store.checkpoints()));
        JsonlWriter contentsOut = open(new JsonlWriter(store.contents()));
        Cluster cluster = open(new Cluster(parts.runtime().apply(runFile), slots, committer));
        cluster.start(parts.system(), spec, partitions, options, store, parts.sutJar(), runFile, parts.nemesis());
        EventPoller events = open(new EventPoller(eventsOut, cluster.nodes(), 100));
        checkpoints = open(new CheckpointPoller(checkpointsOut, contentsOut, cluster.nodes(), 150));
        cluster.awaitRunning(HEALTHY_TIMEOUT);

        timer.begin(Phase.RUN);
        runStartNanos = System.nanoTime();
        history = new HistoryRecorder(historyOut, runStartNanos);
        faults = new FaultRecorder(nemesisOut);
        FaultContext context = FaultContext.of(cluster::nodes, committer);
        ClientDriver clients = new ClientDriver(operations, p -> parts.workload().client(p, cluster.services().inputLog(),
                settings), history, OPERATION_TIMEOUT_MILLIS);
        NemesisDriver nemesis = new NemesisDriver(faultPlan, parts.nemesis(), context, faults, checkpoints::newestId);
        clients.start(runStartNanos);
        nemesis.start(runStartNanos);
        TimeUnit.MILLISECONDS.sleep(spec.timeLimitMillis());
        nemesis.stop();
        clients.stop();

        timer.begin(Phase.HEAL);
        String unhealthy = heal(context, cluster);

        timer.begin(Phase.DRAIN);
        InputLogReader input = new InputLogReader(cluster.services().inputLog());
        OutputReader output = new OutputReader(cluster.services().outputStore());
        DrainOutcome drained = drain(cluster, input, output, unhealthy);
        drain = drained;

        timer.begin(Phase.COLLECT);
        Collector.collect(store, input, output, cluster.nodes(), parts.system().finalStatePath(), drained);
        checkpoints.pollOnce();
        checkpoints.close();
        events.finish();
        cluster.close();
        // last of the run's own writes: from here on a missing or torn line is damage, not a kill
        Json.writeAtomically(store.written(), StoreLines.WrittenLines.of(
                List.of(historyOut, eventsOut, nemesisOut, checkpointsOut, contentsOut)));

        timer.begin(Phase.CHECK);
        StoreReader.SavedRun saved = StoreReader.read(store.dir());
        Judge.Judgement judgement = Judge.judge(saved.observations(), saved.integrity(), parts.checkers());
        timer.endCurrent();
        return new RunOutcome(judgement.verdict(), store.dir(), null, saved.observations(), judgement.results(),
                timer.asMap(), drained, false);
    }

    /**
     * Ends every fault (recording the heal of those still active) and waits until the nodes run
     * again; returns why they do not, or null.
     */
    private String heal(FaultContext context, Cluster cluster) {
        String healError = null;
        try {
            parts.nemesis().healAll(context);
        } catch (Exception e) {
            healError = e.toString();
        }
        long healedAt = System.currentTimeMillis();
        for (var active : faults.active()) {
            faults.healed(new Fault(active.id(), active.kind(), active.targets(), 0, 0), healedAt, healError);
        }
        try {
            cluster.awaitRunning(HEALTHY_TIMEOUT);
            return null;
        } catch (IOException e) {
            // a system that does not recover is judged on what it did: the drain fails, the checkers decide
            return e.getMessage();
        }
    }

    /** Lets the system catch up ({@link Drain}), unless it did not recover from the heal. */
    private DrainOutcome drain(Cluster cluster, InputLogReader input, OutputReader output, String unhealthy) {
        if (unhealthy != null) {
            return new DrainOutcome(false, null, unhealthy);
        }
        return new Drain(new SutClient(cluster.committerNode().controlUri()),
                cluster.nodes().stream().map(n -> new SutClient(n.controlUri())).toList(), checkpoints, input, output)
                .run(spec.drainTimeoutMillis());
    }

    private RunOutcome failed(StoreLayout store, Throwable e) {
        timer.endCurrent();
        String error = oneLine(e);
        if (store == null) {
            return RunOutcome.withoutStore(error, timer.asMap());
        }
        Observations observations;
        StoreIntegrity integrity;
        try {
            StoreReader.SavedRun saved = StoreReader.read(store.dir());
            observations = saved.observations();
            integrity = saved.integrity();
        } catch (IOException | RuntimeException unreadable) {
            observations = new Observations(spec.workload(), Map.of(), List.of(), List.of(), List.of(), List.of(),
                    Map.of(), Map.of(), List.of(), Collected.missing("the store could not be read: "
                            + oneLine(unreadable)), Map.of(), false);
            integrity = StoreIntegrity.INTACT;
        }
        // what was observed before the error may already prove a violation; anything else is unknown
        Judge.Judgement judgement = Judge.judge(observations, integrity, parts.checkers());
        Validity verdict = judgement.verdict() == Validity.INVALID ? Validity.INVALID : Validity.UNKNOWN;
        // a drain that ended before the error keeps its final checkpoint and note
        DrainOutcome drained = drain != null ? drain : DrainOutcome.fromStore(observations.drained());
        return new RunOutcome(verdict, store.dir(), error, observations, judgement.results(), timer.asMap(), drained,
                false);
    }

    private static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.replace('\n', ' ');
    }

    private <T extends AutoCloseable> T open(T resource) {
        return resources.open(resource);
    }

    /** Closes everything opened so far, newest first; idempotent. */
    private void cleanup() {
        resources.close();
    }

    /** A snapshot for the live progress line; safe from any thread. */
    public RunProgress progress() {
        Phase phase = timer.current();
        long left = phase == Phase.RUN
                ? Math.max(0, spec.timeLimitMillis() - (System.nanoTime() - runStartNanos) / 1_000_000) : 0;
        HistoryRecorder h = history;
        FaultRecorder f = faults;
        CheckpointPoller c = checkpoints;
        return new RunProgress(phase, left,
                h == null ? 0 : h.count(OpType.OK), h == null ? 0 : h.count(OpType.FAIL),
                h == null ? 0 : h.count(OpType.INFO), c == null ? 0 : c.committedCount(),
                f == null ? 0 : f.activeCount(), f == null ? 0 : f.injectedCount());
    }

    public TestSpec spec() {
        return spec;
    }
}
