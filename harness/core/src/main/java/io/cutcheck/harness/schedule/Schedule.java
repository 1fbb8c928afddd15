package io.cutcheck.harness.schedule;

import java.util.Comparator;
import java.util.List;

/**
 * A plan over logical time: a pure value, made from a seed and settings, that says what to do
 * when. Only the interpreter in the run loop touches clocks and threads, so schedules are tested
 * without either, and a saved run replays the same plan.
 */
public record Schedule<T>(List<Planned<T>> items) {
    public Schedule {
        items = items.stream().sorted(Comparator.comparingLong(Planned::atMillis)).toList();
    }

    public static <T> Schedule<T> empty() {
        return new Schedule<>(List.of());
    }
}
