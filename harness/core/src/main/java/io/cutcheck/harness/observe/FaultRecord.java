package io.cutcheck.harness.observe;

import java.util.List;

/**
 * A fault as executed: wall-clock times (ms since the epoch) of its start and its heal, null
 * while not healed (a run killed mid-fault leaves it so).
 *
 * @param checkpoint the newest checkpoint the run had seen begun when the fault began (0 for none;
 *     null in stores written before it was recorded): where a replay aims the fault again
 */
public record FaultRecord(int id, String kind, List<String> targets, long startedAt, Long healedAt, String error,
                          Long checkpoint) {
    public FaultRecord {
        targets = List.copyOf(targets);
    }

    public FaultRecord(int id, String kind, List<String> targets, long startedAt, Long healedAt, String error) {
        this(id, kind, targets, startedAt, healedAt, error, null);
    }
}
