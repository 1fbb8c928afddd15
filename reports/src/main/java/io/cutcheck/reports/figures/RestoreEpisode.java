package io.cutcheck.reports.figures;

import java.util.List;

/**
 * One recovery of the system: the nodes that restored from the same checkpoint at about the same
 * time. Its recovery time is the progress the failure cost: the work done since the checkpoint's
 * cut, which is lost and redone ({@link #lostWorkMs}), plus the time from the failure until the
 * last node resumed ({@link #restoreMs}).
 *
 * @param checkpoint the checkpoint restored from, or null for a restart from the empty state
 * @param nodes the nodes that restored, in order of their {@code restored} event
 * @param startedAt the first {@code restore-started} of these nodes (or their first
 *     {@code restored} when they reported no start)
 * @param finishedAt the last {@code restored} of these nodes: the system resumes
 * @param failureAt the start of the latest fault that began at or before {@code startedAt} and
 *     after the previous recovery finished, or {@code startedAt} when no such fault exists; a
 *     recovery that began while the previous one was going on shares that one's failure
 * @param cutAt when the restored checkpoint was triggered (its cut), or the run's start when
 *     restoring from the empty state
 */
public record RestoreEpisode(Long checkpoint, List<String> nodes, long startedAt, long finishedAt,
                             long failureAt, long cutAt) {

    public RestoreEpisode {
        nodes = List.copyOf(nodes);
    }

    public long lostWorkMs() {
        return Math.max(0, failureAt - cutAt);
    }

    public long restoreMs() {
        return Math.max(0, finishedAt - failureAt);
    }

    public long recoveryMs() {
        return lostWorkMs() + restoreMs();
    }
}
