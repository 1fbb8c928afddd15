package io.cutcheck.harness.runtime;

import java.net.URI;
import java.nio.file.Path;

/**
 * One running (or crashed) node of the system under test, started by a {@link Runtime}.
 *
 * <p>Rules: {@link #kill()} is abrupt (SIGKILL or its equivalent: no shutdown hooks, no flush);
 * {@link #restart()} starts the node again with the same launch spec, data directory and
 * address, whether it was killed or is still running (then it is killed first). Every method is
 * safe to call from any thread.
 */
public interface Node {

    String name();

    String role();

    /** Base URL of the node's control API as the harness reaches it; may change across restarts. */
    URI controlUri();

    /** True while the node's process (or container) is running, paused included. */
    boolean isAlive();

    /** Kills the node at once, like {@code kill -9}. */
    void kill();

    /** Starts the node again from its launch spec. */
    void restart();

    /** The node's log (standard output and error), kept across restarts. */
    Path logFile();
}
