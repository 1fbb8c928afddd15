package io.cutcheck.reports.figures;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutcheck.harness.observe.Observations;
import java.util.List;

/** The figures every report file draws from, computed once per run. */
public record RunFigures(RunWindow window, CheckpointCounts checkpoints, List<NodeSpan> spans,
                         List<RestoreEpisode> restores, RecoveryModel recovery, Operations operations,
                         OperationSeries series) {

    public RunFigures {
        spans = List.copyOf(spans);
        restores = List.copyOf(restores);
    }

    public static RunFigures of(Observations observations, JsonNode spec) {
        RunWindow window = RunWindow.of(observations);
        List<RestoreEpisode> restores = RestoreEpisodes.of(observations);
        Operations operations = Operations.of(observations.history());
        return new RunFigures(window, CheckpointCounts.of(observations.checkpoints()), CheckpointSpans.of(observations),
                restores, RecoveryModel.of(observations, spec, restores), operations,
                OperationSeries.of(operations, window));
    }
}
