package io.cutcheck.workloads.append;

import io.cutcheck.harness.schedule.Planned;
import io.cutcheck.harness.workload.WorkloadSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * When to append how many records so that the batches carry {@code ratePerSecond} records per
 * second over the time limit: a pure function of the settings and the random source.
 *
 * <p>Batches average {@code rate / 50} records (between 1 and 100), so a run makes about fifty
 * appends a second whatever the rate; sizes vary uniformly around that average so that batch
 * boundaries do not line up with checkpoint intervals.
 */
public final class Pacing {

    static final int APPENDS_PER_SECOND = 50;
    static final int MAX_AVERAGE_BATCH = 100;

    private Pacing() {}

    /** Planned batch sizes, in time order. */
    public static List<Planned<Integer>> batches(WorkloadSettings settings, RandomGenerator random) {
        int average = averageBatch(settings.ratePerSecond());
        double millisPerRecord = 1000.0 / settings.ratePerSecond();
        List<Planned<Integer>> batches = new ArrayList<>();
        double at = 0;
        while (at < settings.timeLimitMillis()) {
            int size = average == 1 ? 1 : 1 + random.nextInt(2 * average - 1);
            batches.add(new Planned<>((long) at, size));
            at += size * millisPerRecord;
        }
        return batches;
    }

    static int averageBatch(int ratePerSecond) {
        return Math.max(1, Math.min(MAX_AVERAGE_BATCH, ratePerSecond / APPENDS_PER_SECOND));
    }
}
