package io.cutcheck.harness.cleanup;

import java.util.ArrayList;
import java.util.List;

/**
 * What a run has opened (processes, proxies, mounts, writers), closed newest first, each even
 * when an earlier one fails: nothing a run started may outlive it. Safe from any thread, a
 * shutdown hook included, and idempotent.
 */
public final class Resources implements AutoCloseable {

    private final List<AutoCloseable> opened = new ArrayList<>();

    /** Remembers {@code resource} for {@link #close()}; returns it. */
    public <T extends AutoCloseable> T open(T resource) {
        synchronized (opened) {
            opened.add(resource);
        }
        return resource;
    }

    @Override
    public void close() {
        List<AutoCloseable> toClose;
        synchronized (opened) {
            toClose = new ArrayList<>(opened);
            opened.clear();
        }
        for (int i = toClose.size() - 1; i >= 0; i--) {
            try {
                toClose.get(i).close();
            } catch (Exception ignored) {
                // keep closing the rest: processes must not outlive the harness
            }
        }
    }
}
