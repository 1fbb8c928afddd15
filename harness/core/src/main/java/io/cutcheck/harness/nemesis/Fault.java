package io.cutcheck.harness.nemesis;

import java.util.List;

/**
 * One fault as planned and as executed: what ({@code kind}, e.g. {@code kill}), against whom
 * ({@code targets}: node names, or directed links written {@code "a->b"}), and how long it lasts
 * before it is healed.
 *
 * @param id number of the fault in the run, from 0
 * @param kind the fault's name as the CLI spells it
 * @param targets the nodes or links it hits
 * @param startMillis offset from the start of the run phase at which it begins
 * @param durationMillis how long it lasts before healing
 * @param afterCheckpoint a replayed fault's protocol point: it begins, at {@code startMillis} or
 *     later, once the system has begun this checkpoint (the newest the saved run had seen when the
 *     fault began there), so that it meets the same checkpoint rather than the same instant; null
 *     for a fault that begins at its time alone
 */
public record Fault(int id, String kind, List<String> targets, long startMillis, long durationMillis,
                    Long afterCheckpoint) {
    public Fault {
        targets = List.copyOf(targets);
    }

    public Fault(int id, String kind, List<String> targets, long startMillis, long durationMillis) {
        this(id, kind, targets, startMillis, durationMillis, null);
    }

    /** The same fault under another kind: one part of a compound kind {@code a+b}. */
    public Fault withKind(String part) {
        return new Fault(id, part, targets, startMillis, durationMillis, afterCheckpoint);
    }
}
