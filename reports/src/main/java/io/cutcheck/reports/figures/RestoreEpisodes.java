package io.cutcheck.reports.figures;

import io.cutcheck.harness.checker.Restore;
import io.cutcheck.harness.observe.CheckpointObservation;
import io.cutcheck.harness.observe.FaultRecord;
import io.cutcheck.harness.observe.Observations;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Groups the restores that recover the system ({@link Restore#recoveries}, the one definition of
 * a restore, which leaves out the nodes' initial fresh start) into recoveries
 * ({@link RestoreEpisode}). Restores of different nodes from the same checkpoint within {@link #SAME_EPISODE_MS}
 * of the first of them belong to the same recovery; a node restoring again starts another.
 */
public final class RestoreEpisodes {

    /** Nodes of one recovery restore within this long of each other. */
    public static final long SAME_EPISODE_MS = 5_000;

    private RestoreEpisodes() {}

    public static List<RestoreEpisode> of(Observations observations) {
        List<List<Restore>> groups = new ArrayList<>();
        for (Restore restore : Restore.recoveries(observations)) {
            List<Restore> last = groups.isEmpty() ? null : groups.get(groups.size() - 1);
            if (last != null && sameRecovery(last, restore)) {
                last.add(restore);
            } else {
                groups.add(new ArrayList<>(List.of(restore)));
            }
        }
        long runStart = RunWindow.of(observations).start();
        List<RestoreEpisode> episodes = new ArrayList<>();
        RestoreEpisode previous = null;
        for (List<Restore> group : groups) {
            RestoreEpisode episode = episode(group, observations, runStart, previous);
            episodes.add(episode);
            previous = episode;
        }
        return List.copyOf(episodes);
    }

    /**
     * Whether {@code restore} joins the recovery {@code group}: the same checkpoint, within
     * {@link #SAME_EPISODE_MS} of the group's first restore, by a node not yet in it. A node that
     * restores again was recovered again: eight kills of one node that each restore the same
     * checkpoint are eight recoveries.
     */
    private static boolean sameRecovery(List<Restore> group, Restore restore) {
        Restore first = group.get(0);
        return Objects.equals(first.checkpoint(), restore.checkpoint())
                && restore.restoredAt() - first.restoredAt() <= SAME_EPISODE_MS
                && group.stream().noneMatch(r -> r.node().equals(restore.node()));
    }

    // A recovery that began while the previous one was still going on shares its failure; any
    // other was caused by the latest fault since the previous recovery finished, if any.
    private static RestoreEpisode episode(List<Restore> group, Observations observations, long runStart,
                                          RestoreEpisode previous) {
        Long checkpoint = group.get(0).checkpoint();
        long startedAt = group.stream().mapToLong(Restore::announcedAt).min().orElseThrow();
        long finishedAt = group.stream().mapToLong(Restore::restoredAt).max().orElseThrow();
        long previousEnd = previous == null ? Long.MIN_VALUE : previous.finishedAt();
        long failureAt = startedAt <= previousEnd ? previous.failureAt() : observations.faults().stream()
                .mapToLong(FaultRecord::startedAt).filter(t -> t <= startedAt && t > previousEnd).max().orElse(startedAt);
        long cutAt = checkpoint == null ? runStart : observations.checkpoints().stream()
                .filter(c -> c.id() == checkpoint && c.triggeredAt() != null)
                .map(CheckpointObservation::triggeredAt).findFirst().orElse(failureAt);
        List<String> nodes = group.stream().map(Restore::node).distinct().toList();
        return new RestoreEpisode(checkpoint, nodes, startedAt, finishedAt, failureAt, Math.min(cutAt, failureAt));
    }
}
