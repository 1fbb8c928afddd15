package io.cutcheck.reports.figures;

/**
 * One node's share of one checkpoint, for the timeline: from when the node began its part
 * (trigger, or first barrier or marker) to its acknowledgement, then on to the checkpoint's end.
 *
 * @param checkpoint the checkpoint id
 * @param node the node, or {@link #CHECKPOINT_LANE} for the checkpoint as a whole
 * @param startAt when this node's part began (ms since the epoch)
 * @param ackAt when this node acknowledged its part, or null if it never did
 * @param endAt when the checkpoint committed or aborted, or the last time anything was seen of it
 * @param status the checkpoint's status: committed, aborted or pending
 */
public record NodeSpan(long checkpoint, String node, long startAt, Long ackAt, long endAt, String status) {

    /** The lane that shows each checkpoint whole: trigger → all acks → committed or aborted. */
    public static final String CHECKPOINT_LANE = "(checkpoint)";
}
