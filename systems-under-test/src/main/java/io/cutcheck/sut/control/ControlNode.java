package io.cutcheck.sut.control;

import java.util.List;
import java.util.Optional;

/**
 * What a node answers on the common control endpoints. The control server calls these from its own
 * threads, so implementations must be thread-safe.
 */
public interface ControlNode {
    Health health();

    List<CheckpointView> checkpoints();

    /** This node's part of committed checkpoint {@code id}, read back from durable storage; empty when it holds none. */
    Optional<Content> content(long id) throws Exception;

    /** Triggers a checkpoint now and returns its id. */
    long trigger(String reason) throws TriggerRejectedException;

    TriggerSettings triggers();

    /** Applies new trigger settings (null = unchanged) and returns the result. */
    TriggerSettings updateTriggers(Long intervalMs, Long everyRecords) throws TriggerRejectedException;
}
