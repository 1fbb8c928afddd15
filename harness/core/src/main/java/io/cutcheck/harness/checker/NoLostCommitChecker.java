package io.cutcheck.harness.checker;

import io.cutcheck.harness.observe.Observations;
import java.util.HashMap;
import java.util.Map;

/**
 * No lost commit: no restore went back past a checkpoint reported committed before the restore
 * began. Recovery must load the newest committed checkpoint (PROTOCOL.md sections 3 and 4), so a
 * restore from checkpoint {@code r} (or from the empty state) while a newer checkpoint {@code c}
 * was already known committed discards work the system had promised to keep.
 *
 * <p>What the protocol allows, and this checker therefore accepts:
 * <ul>
 *   <li>checkpoints committed after the restore began: the restore could not have known them;
 *   <li>checkpoints removed by retention: retention keeps the newest committed ones and removes
 *       only older ones, so a removed checkpoint is never the newest — its removal never excuses
 *       going back past the checkpoint that replaced it. A system that deletes a checkpoint it
 *       still needs is caught here;
 *   <li>several trigger nodes (marker: any peer may initiate) whose ids do not follow commit
 *       order: {@code c} counts as newer than {@code r} only if it has the higher id
 *       <em>and</em> committed later, so a system is never blamed for picking one of two
 *       checkpoints whose order the protocol leaves open.
 * </ul>
 * A restore that falls back past a committed checkpoint because that checkpoint's parts failed
 * verification is a lost commit too: a checkpoint is committed only once every part is durable,
 * so a correct system never meets an unusable committed one (a failed attempt to restore it is
 * named in the evidence). A restore from a checkpoint that was never committed is {@link CommittedRestoreChecker}'s to
 * report; here it counts as going back past every checkpoint committed before the restore.
 *
 * <p>Coverage: every restore seen is judged against every commit seen, so the coverage is always
 * all restores, and the {@linkplain Coverage floor} is never reached.
 */
public final class NoLostCommitChecker implements Checker {

    public static final String NAME = "no-lost-commit";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Stage stage() {
        return Stage.RECOVERY;
    }

    @Override
    public CheckResult check(Observations observations) {
        CommitEvidence commits = CommitEvidence.of(observations);
        Map<Long, Long> committed = commits.committed();
        Map<Long, String> attempts = new java.util.HashMap<>();
        for (var event : observations.events()) {
            if ("restore-started".equals(event.type()) && event.checkpoint() != null) {
                attempts.putIfAbsent(event.checkpoint(), event.node() + " seq " + event.seq());
            }
        }
        AnomalyCollector anomalies = new AnomalyCollector();
        int restores = 0;
        for (Restore restore : Restore.all(observations)) {
            restores++;
            Long from = restore.checkpoint();
            // a never-committed or empty restore point counts as older than every commit
            long fromCommittedAt = from == null ? Long.MIN_VALUE : committed.getOrDefault(from, Long.MIN_VALUE);
            long fromId = from == null || !committed.containsKey(from) ? Long.MIN_VALUE : from;
            Long newer = null;
            for (Map.Entry<Long, Long> c : committed.entrySet()) {
                long at = c.getValue();
                if (at <= restore.beganAt() && at > fromCommittedAt && c.getKey() > fromId
                        && (newer == null || c.getKey() > newer)) {
                    newer = c.getKey();
                }
            }
            if (newer == null) {
                continue;
            }
            long newerCommittedAt = committed.get(newer);
            Map<String, Object> evidence = new HashMap<>(restore.evidence());
            evidence.put("newerCommittedCheckpoint", newer);
            evidence.put("newerCommittedAt", newerCommittedAt);
            if (attempts.containsKey(newer)) {
                evidence.put("newerRestoreAttempt", attempts.get(newer));
            }
            String what = from == null ? "the empty initial state" : "checkpoint " + from;
            anomalies.add(new Anomaly("lost-commit", restore.node() + " restored from " + what + " although checkpoint "
                    + newer + " had committed " + (restore.beganAt() - newerCommittedAt)
                    + " ms before the restore began.", from, restore.node(), evidence));
        }
        return CheckResult.judged(NAME, anomalies.anomalies(), Map.of("restores", restores),
                Coverage.all(restores, "restores"));
    }
}
