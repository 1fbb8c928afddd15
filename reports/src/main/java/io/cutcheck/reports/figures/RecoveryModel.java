package io.cutcheck.reports.figures;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutcheck.harness.observe.CheckpointObservation;
import io.cutcheck.harness.observe.Observations;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Measured recovery time beside the simple model R = T/2 + C: a failure strikes on average half
 * a checkpoint interval T after the last cut, so that much work is lost and redone, and restoring
 * costs about what taking a checkpoint costs, C.
 *
 * @param intervalMs T: the spec's checkpoint {@code intervalMs}, else the median gap between
 *     consecutive interval-triggered checkpoints, else 0
 * @param intervalSource where T came from: {@code spec}, {@code observed} or {@code none}
 * @param checkpointCostMs C: the median time from trigger to commit of the committed checkpoints
 * @param checkpointDurations trigger → commit of every committed checkpoint
 * @param measured recovery times of the restore episodes
 */
public record RecoveryModel(long intervalMs, String intervalSource, long checkpointCostMs,
                            DurationStats checkpointDurations, DurationStats measured) {

    public static RecoveryModel of(Observations observations, JsonNode spec, List<RestoreEpisode> episodes) {
        List<Long> durations = observations.checkpoints().stream()
                .filter(c -> c.committed() && c.triggeredAt() != null && c.committedAt() != null)
                .map(c -> c.committedAt() - c.triggeredAt())
                .toList();
        DurationStats checkpointDurations = DurationStats.of(durations);
        DurationStats measured = DurationStats.of(episodes.stream().map(RestoreEpisode::recoveryMs).toList());
        JsonNode configured = spec.findValue("intervalMs");
        if (configured != null && configured.canConvertToLong() && configured.asLong() > 0) {
            return new RecoveryModel(configured.asLong(), "spec", checkpointDurations.median(), checkpointDurations, measured);
        }
        long observed = observedInterval(observations.checkpoints());
        return new RecoveryModel(observed, observed > 0 ? "observed" : "none", checkpointDurations.median(),
                checkpointDurations, measured);
    }

    /** R = T/2 + C. */
    public long modelMs() {
        return intervalMs / 2 + checkpointCostMs;
    }

    private static long observedInterval(List<CheckpointObservation> checkpoints) {
        List<CheckpointObservation> timed = checkpoints.stream()
                .filter(c -> "interval".equals(c.reason()) && c.triggeredAt() != null)
                .sorted(Comparator.comparingLong(CheckpointObservation::triggeredAt))
                .toList();
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < timed.size(); i++) {
            gaps.add(timed.get(i).triggeredAt() - timed.get(i - 1).triggeredAt());
        }
        return DurationStats.of(gaps).median();
    }
}
