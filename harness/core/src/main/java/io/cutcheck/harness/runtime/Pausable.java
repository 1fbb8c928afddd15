package io.cutcheck.harness.runtime;

/**
 * An optional ability of a {@link Node}: freeze and thaw its process (SIGSTOP / SIGCONT, or
 * pausing a container). A paused node keeps its sockets open and answers nothing. A nemesis
 * checks {@code node instanceof Pausable} before planning a pause for it.
 */
public interface Pausable {

    void pause();

    void resume();
}
