package io.cutcheck.harness.checker;

import io.cutcheck.harness.observe.Observations;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Committed restore: every restore from a checkpoint used one whose metadata was durable before
 * the restore began — known committed (a {@code committed} event, or status {@code committed}
 * with its time) at or before the node's {@code restore-started}. A restore from a checkpoint
 * that was pending at the time, that was aborted, or that was never seen committed at all (a torn
 * checkpoint, whose metadata never became durable, is one) is INVALID.
 *
 * <p>A {@code restored} event without a checkpoint is a start from the empty state; whether that
 * lost a commit is {@link NoLostCommitChecker}'s question, not this one's.
 *
 * <p>Coverage: every restore seen is judged (a restore from a checkpoint no node ever reported
 * committed is itself a violation, not a gap in the evidence), so the coverage is always all
 * restores, and the {@linkplain Coverage floor} is never reached.
 */
public final class CommittedRestoreChecker implements Checker {

    public static final String NAME = "committed-restore";

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
        List<Restore> restores = Restore.all(observations);
        AnomalyCollector anomalies = new AnomalyCollector();
        int fromCheckpoint = 0;
        for (Restore restore : restores) {
            if (restore.checkpoint() == null) {
                continue;
            }
            fromCheckpoint++;
            long id = restore.checkpoint();
            OptionalLong committed = commits.committedAt(id);
            OptionalLong aborted = commits.abortedAt(id);
            Map<String, Object> evidence = new HashMap<>(restore.evidence());
            evidence.put("lastListedStatus", commits.lastListedStatus(id));
            if (aborted.isPresent()) {
                evidence.put("abortedAt", aborted.getAsLong());
                anomalies.add(new Anomaly("restore-from-aborted", restore.node() + " restored from checkpoint " + id
                        + ", which was aborted.", id, restore.node(), evidence));
            } else if (committed.isEmpty()) {
                anomalies.add(new Anomaly("restore-from-uncommitted", restore.node() + " restored from checkpoint "
                        + id + ", which was never seen committed (last listed as " + commits.lastListedStatus(id)
                        + ").", id, restore.node(), evidence));
            } else if (committed.getAsLong() > restore.beganAt()) {
                evidence.put("committedAt", committed.getAsLong());
                anomalies.add(new Anomaly("restore-from-uncommitted", restore.node() + " began restoring from checkpoint "
                        + id + " at " + restore.beganAt() + ", " + (committed.getAsLong() - restore.beganAt())
                        + " ms before it committed: it was still pending.", id, restore.node(), evidence));
            }
        }
        // every restore is judged: one from the empty state by definition, one from a checkpoint by its commit evidence
        return CheckResult.judged(NAME, anomalies.anomalies(),
                Map.of("restores", restores.size(), "restoresFromCheckpoint", fromCheckpoint),
                Coverage.all(restores.size(), "restores"));
    }
}
