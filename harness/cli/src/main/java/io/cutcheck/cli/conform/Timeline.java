package io.cutcheck.cli.conform;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutcheck.harness.spec.CheckpointTriggers;
import io.cutcheck.harness.system.SystemDefinition;
import io.cutcheck.harness.workload.Workload;
import io.cutcheck.harness.workload.WorkloadSettings;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * The kit's rules on the one running system, in an order where each step leaves the system as
 * the next needs it: the plain endpoints at once (they change nothing but a trigger setting they
 * put back) while the first half of the input is appended; an external trigger, then its
 * content; kill -9 of one node of each role but the committing node's; the second half of the
 * input; kill -9 of the committing node and the id it gives next; the drain and the output.
 */
final class Timeline {

    /** The default triggers; more committed checkpoints retained, so none is gone before the kit reads it. */
    static final CheckpointTriggers TRIGGERS = new CheckpointTriggers(1000, 0, 10_000, 10);
    static final long SEED = 1;

    private final SystemDefinition system;
    private final Workload workload;
    private final KitCluster cluster;
    private final CheckpointWatch watch;
    private final RestoreChecks restore;
    private final Report report;
    private final Waits waits;

    Timeline(SystemDefinition system, Workload workload, KitCluster cluster, CheckpointWatch watch,
             RestoreChecks restore, Report report, Waits waits) {
        this.system = system;
        this.workload = workload;
        this.cluster = cluster;
        this.watch = watch;
        this.restore = restore;
        this.report = report;
        this.waits = waits;
    }

    /**
     * Triggers a checkpoint from outside until one commits (3 tries), holding each to the trigger
     * rule; the committed id, or 0.
     */
    private static long commitExternal(TriggerChecks triggers) {
        long external = 0;
        for (int attempt = 0; attempt < 3 && external == 0; attempt++) {
            TriggerChecks.Triggered t = triggers.trigger("external");
            if (!t.ok()) {
                break;
            }
            String status = triggers.awaitFinal(t.id(), Duration.ofMillis(TRIGGERS.timeoutMillis() + 5000),
                    "checkpoint " + t.id() + " to commit");
            String reason = triggers.reasonOf(t.id());
            triggers.triggerFindings().require(reason == null || reason.equals("external"), "checkpoint " + t.id()
                    + " is listed with reason " + reason + ", not the external given", t.last());
            if ("committed".equals(status)) {
                external = t.id();
            }
        }
        if (external == 0 && triggers.triggerFindings().clean()) {
            triggers.triggerFindings().problem("no triggered checkpoint committed (3 tries)");
        }
        return external;
    }

    /** Runs the rules that need the running system, in the timeline's order. */
    void run(List<KitCluster.Member> others, WorkloadSettings settings, Map<String, JsonNode> options) {
        TriggerChecks triggers = new TriggerChecks(cluster, waits);
        ContentChecks contents = new ContentChecks(cluster, system.workload(), options);
        InputFeeder input = new InputFeeder(workload, settings, SEED, cluster.inputLog());
        CompletableFuture<Integer> firstHalf = Parallel.start(() -> input.feed(true));
        Parallel.each(List.<Runnable>of(
                () -> new ControlChecks(cluster).run().forEach(report::record),
                () -> new EventChecks(cluster).run().forEach(report::record),
                () -> triggers.triggers(TRIGGERS.intervalMillis(), TRIGGERS.everyRecords()).forEach(report::record),
                () -> report.record(triggers.others()),
                contents::noSuchId), Runnable::run);
        firstHalf.join();
        long start = System.nanoTime();
        long external = commitExternal(triggers);
        String triggered = String.format("202, checkpoint %d committed %.1f s after the first trigger", external,
                (System.nanoTime() - start) / 1e9);
        report.record(triggers.triggerFindings().outcome(triggered));
        if (external > 0) {
            contents.check(external);
        }
        if (!others.isEmpty()) {
            restore.episode(others).forEach(report::record);
        }
        input.feed(false);
        watch.settle();
        List<Long> answered = triggers.answered();
        Set<Long> seenBefore = new HashSet<>(watch.seen());
        seenBefore.addAll(answered);
        long ownMax = Stream.concat(watch.ownByCommitter().stream(), answered.stream())
                .max(Comparator.naturalOrder()).orElse(0L);
        restore.episode(List.of(cluster.committer())).forEach(report::record);
        report.record(restore.restartOutcome());
        TriggerChecks.Triggered after = triggers.trigger("external");
        report.record(RestoreChecks.ids(triggers.answered(), seenBefore, ownMax, after.id(), after.last()));
        DrainChecks drain = new DrainChecks(cluster, triggers, waits);
        report.record(drain.drain());
        if (drain.finalId() > 0) {
            contents.check(drain.finalId());
        }
        report.record(drain.prepared(drain.finalId()));
        report.record(drain.once());
        contents.outcomes().forEach(report::record);
        // the triggers after the restart and the drain's are held to the trigger rule too
        report.record(triggers.triggerFindings().outcome(triggered));
    }
}
