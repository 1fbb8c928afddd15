package io.cutcheck.harness.run;

import java.util.Locale;

/** The phases of a run, in order; each is timed and reported in {@code results.json}. */
public enum Phase {
    /** Start the services and the nodes, wait for health. */
    SETUP,
    /** Clients drive the workload; the nemesis follows the fault schedule. */
    RUN,
    /** End every fault; wait until every node is healthy again. */
    HEAL,
    /** Wait until the input is fully processed and a final checkpoint committed. */
    DRAIN,
    /** Read the input, output and final state; stop the nodes and services. */
    COLLECT,
    /** Run the checkers over the saved store. */
    CHECK;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
