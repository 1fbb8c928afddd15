package io.cutcheck.harness.system;

/** One node of a system's layout: its unique name, its role and its index within the role. */
public record NodeSlot(String node, String role, int index) {}
