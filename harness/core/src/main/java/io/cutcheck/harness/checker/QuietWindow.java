package io.cutcheck.harness.checker;

import io.cutcheck.harness.observe.FaultRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The stretches of a run with no fault active, each starting at the run's start or at the heal
 * that left no fault active, and ending when the next fault starts (or at the end of what was
 * observed). A pure function of the fault records, so it is table-tested on its own.
 *
 * @param from when the quiet stretch began
 * @param until when the next fault started, or the end of observation
 * @param healedFaults ids of the faults whose heal began it (empty for the run's start)
 * @param last whether no fault follows it
 */
public record QuietWindow(long from, long until, List<Integer> healedFaults, boolean last) {

    public QuietWindow {
        healedFaults = List.copyOf(healedFaults);
    }

    /**
     * The quiet windows of a run that began at {@code start} and was observed until {@code end}.
     * A fault never healed leaves no quiet window after its start.
     */
    public static List<QuietWindow> of(List<FaultRecord> faults, long start, long end) {
        List<FaultRecord> byStart = new ArrayList<>(faults);
        byStart.sort(Comparator.comparingLong(FaultRecord::startedAt));
        List<QuietWindow> windows = new ArrayList<>();
        long activeUntil = Long.MIN_VALUE; // latest heal among faults started so far; MAX if one never healed
        long quietFrom = start;
        List<Integer> healed = new ArrayList<>();
        for (FaultRecord fault : byStart) {
            if (fault.startedAt() > activeUntil && quietFrom < fault.startedAt()) {
                windows.add(new QuietWindow(quietFrom, fault.startedAt(), healed, false));
            }
            if (fault.startedAt() > activeUntil) {
                healed = new ArrayList<>();
            }
            long heal = fault.healedAt() == null ? Long.MAX_VALUE : fault.healedAt();
            activeUntil = Math.max(activeUntil, heal);
            healed.add(fault.id());
            quietFrom = Math.max(activeUntil, start);
        }
        if (activeUntil != Long.MAX_VALUE && quietFrom <= end) {
            windows.add(new QuietWindow(quietFrom, end, healed, true));
        }
        return windows;
    }
}
