package io.cutcheck.reports.figures;

import io.cutcheck.harness.observe.CheckpointObservation;
import java.util.List;

/** How many checkpoints ended in each status; any status other than committed or aborted counts as pending. */
public record CheckpointCounts(int committed, int aborted, int pending) {

    public static CheckpointCounts of(List<CheckpointObservation> checkpoints) {
        int committed = 0;
        int aborted = 0;
        int pending = 0;
        for (CheckpointObservation checkpoint : checkpoints) {
            switch (String.valueOf(checkpoint.status())) {
                case "committed" -> committed++;
                case "aborted" -> aborted++;
                default -> pending++;
            }
        }
        return new CheckpointCounts(committed, aborted, pending);
    }

    public int total() {
        return committed + aborted + pending;
    }
}
