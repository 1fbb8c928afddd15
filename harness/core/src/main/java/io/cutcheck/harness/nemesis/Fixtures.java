package io.cutcheck.harness.nemesis;

import io.cutcheck.harness.runtime.NodeAddress;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Several fixtures as one: each sees what the one before it made (a proxy layer may wrap
 * addresses another layer already rewrote), and they are closed newest first.
 */
final class Fixtures implements Fixture {

    private final List<Fixture> parts;

    Fixtures(List<Fixture> parts) {
        this.parts = List.copyOf(parts);
    }

    @Override
    public Map<String, NodeAddress> peersSeenBy(String node, Map<String, NodeAddress> addresses) throws IOException {
        Map<String, NodeAddress> seen = addresses;
        for (Fixture f : parts) {
            seen = f.peersSeenBy(node, seen);
        }
        return seen;
    }

    @Override
    public Path dataDir(String node, Path dataDir) throws IOException {
        Path dir = dataDir;
        for (Fixture f : parts) {
            dir = f.dataDir(node, dir);
        }
        return dir;
    }

    /** Closes every part, newest first, even when one fails: nothing it made may outlive the run. */
    @Override
    public void close() {
        List<RuntimeException> failures = new ArrayList<>();
        for (int i = parts.size() - 1; i >= 0; i--) {
            try {
                parts.get(i).close();
            } catch (Exception e) {
                failures.add(e instanceof RuntimeException r ? r : new IllegalStateException(e));
            }
        }
        if (!failures.isEmpty()) {
            RuntimeException first = failures.get(0);
            failures.stream().skip(1).forEach(first::addSuppressed);
            throw first;
        }
    }
}
