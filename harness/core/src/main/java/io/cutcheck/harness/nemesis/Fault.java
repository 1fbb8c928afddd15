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
 */
public record Fault(int id, String kind, List<String> targets, long startMillis, long durationMillis) {
    public Fault {
        targets = List.copyOf(targets);
    }

    /** The same fault under another kind: one part of a compound kind {@code a+b}. */
    public Fault withKind(String part) {
        return new Fault(id, part, targets, startMillis, durationMillis);
    }
}
