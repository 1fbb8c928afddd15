package io.cutcheck.cli.selfcheck;

import java.util.List;

/**
 * How the self-check runs one row: a defect variant (or the correct system) with the faults and
 * checkpoint settings that expose it. A row with {@code defect == null} runs the correct system
 * and must be valid; any other row must be invalid.
 *
 * @param system the reference system
 * @param defect the defect variant, or null for the system as designed
 * @param kinds the nemesis kinds the run uses
 * @param targets the fault targets (one, coordinator, non-coordinator, minority, all)
 * @param checkpointIntervalMs automatic checkpoint interval
 * @param faultIntervalMs mean time between fault starts
 * @param faultDurationMs how long each fault lasts
 * @param why why these faults expose the defect (or what the row proves), one line
 */
public record Recipe(String system, String defect, List<String> kinds, List<String> targets,
                     long checkpointIntervalMs, long faultIntervalMs, long faultDurationMs, String why) {

    public Recipe {
        kinds = List.copyOf(kinds);
        targets = List.copyOf(targets);
    }

    public boolean expectsInvalid() {
        return defect != null;
    }

    /** The row's name: {@code system/defect}, or {@code system/correct:kinds}. */
    public String name() {
        return system + "/" + (defect != null ? defect : "correct:" + String.join(",", kinds));
    }
}
