package io.cutcheck.reports.figures;

import io.cutcheck.harness.history.Op;
import io.cutcheck.harness.observe.CheckpointObservation;
import io.cutcheck.harness.observe.FaultRecord;
import io.cutcheck.harness.observe.NodeEvent;
import io.cutcheck.harness.observe.Observations;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * The wall-clock span the run's observations cover (ms since the epoch): the earliest and latest
 * time of any operation, event, fault or checkpoint. Charts show times relative to {@code start}.
 */
public record RunWindow(long start, long end) {

    public static RunWindow of(Observations observations) {
        long[] times = Stream.of(
                        observations.history().stream().mapToLong(Op::wallMillis).filter(t -> t > 0).boxed(),
                        observations.events().stream().map(NodeEvent::time),
                        observations.faults().stream().flatMap(RunWindow::faultTimes),
                        observations.checkpoints().stream().flatMap(RunWindow::checkpointTimes))
                .flatMap(s -> s)
                .mapToLong(Long::longValue)
                .toArray();
        if (times.length == 0) {
            return new RunWindow(0, 0);
        }
        return new RunWindow(LongStream.of(times).min().orElseThrow(), LongStream.of(times).max().orElseThrow());
    }

    public long durationMs() {
        return end - start;
    }

    private static Stream<Long> faultTimes(FaultRecord fault) {
        return Stream.of(fault.startedAt(), fault.healedAt()).filter(t -> t != null);
    }

    private static Stream<Long> checkpointTimes(CheckpointObservation c) {
        return Stream.of(c.triggeredAt(), c.acksCompleteAt(), c.committedAt(), c.abortedAt()).filter(t -> t != null);
    }
}
