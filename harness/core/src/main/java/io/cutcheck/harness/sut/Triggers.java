package io.cutcheck.harness.sut;

/** {@code GET/PUT /triggers}: a node's automatic checkpoint triggers (0 = off). */
public record Triggers(long intervalMs, long everyRecords) {}
