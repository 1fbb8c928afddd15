package io.cutcheck.harness.nemesis;

import java.util.Set;

/**
 * Injects faults of some kinds and heals them.
 *
 * <p>Rules: a nemesis claims the fault kinds it handles; composing two nemeses that claim the
 * same kind is an error. {@link #inject(Fault, FaultContext)} begins the fault and returns when
 * it is in effect; {@link #heal(Fault, FaultContext)} ends it and returns when it is over (a
 * killed node has been restarted, a paused one resumed, a cut link restored). {@link
 * #healAll(FaultContext)} ends everything still in effect and is idempotent: the harness calls
 * it before draining and on any abort.
 */
public interface Nemesis {

    /** The fault kinds this nemesis handles, as the CLI spells them. */
    Set<String> kinds();

    /**
     * Builds what this nemesis acts through (per-link proxies, fault-injecting disks), once per
     * run, before any node starts. A nemesis that acts on processes only needs nothing.
     */
    default Fixture prepare(FixtureSite site) throws Exception {
        return Fixture.NONE;
    }

    /**
     * Whether faults of this kind wait for a target's acknowledgement of its part: a node that
     * sends none cannot be their target, and the schedule picks another.
     */
    default boolean aimsAtAcknowledgements(String kind) {
        return false;
    }

    void inject(Fault fault, FaultContext context) throws Exception;

    void heal(Fault fault, FaultContext context) throws Exception;

    void healAll(FaultContext context) throws Exception;
}
