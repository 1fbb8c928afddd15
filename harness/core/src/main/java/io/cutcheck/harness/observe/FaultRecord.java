package io.cutcheck.harness.observe;

import java.util.List;

/**
 * A fault as executed: wall-clock times (ms since the epoch) of its start and its heal, null
 * while not healed (a run killed mid-fault leaves it so).
 */
public record FaultRecord(int id, String kind, List<String> targets, long startedAt, Long healedAt, String error) {
    public FaultRecord {
        targets = List.copyOf(targets);
    }
}
