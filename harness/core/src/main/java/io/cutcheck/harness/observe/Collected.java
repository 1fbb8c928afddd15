package io.cutcheck.harness.observe;

import java.util.Objects;

/**
 * What the harness read from its own services after the run: how many partitions the input log
 * declares, and whether the input log and the output store were read whole. A partition may hold
 * no records at all, so its count comes from the log's declaration, never from the records seen.
 * A run cut short before collection, or a store whose input or output file lost lines, has no
 * whole reading: every checker that judges against input or output is then UNKNOWN, with
 * {@link #missing()} as the reason, since nothing it could conclude would rest on evidence.
 *
 * @param inputPartitions the partitions the input log declares ({@code GET /partitions}); 0 when unread
 * @param missing why input and output are not whole, or null when they are
 */
public record Collected(int inputPartitions, String missing) {

    public Collected {
        if (inputPartitions < 0) {
            throw new IllegalArgumentException("negative input partition count: " + inputPartitions);
        }
    }

    public static Collected whole(int inputPartitions) {
        return new Collected(inputPartitions, null);
    }

    public static Collected missing(String why) {
        return new Collected(0, Objects.requireNonNull(why, "why"));
    }

    public boolean isWhole() {
        return missing == null;
    }
}
