package io.cutcheck.sut.bench;

import io.cutcheck.harness.runtime.local.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Loopback ports for the processes of the benchmark and test clusters. A cluster draws all its
 * ports before any of its processes binds one, so the draws go through the harness's
 * {@link FreePorts}, which remembers every port it handed out in this JVM (two nodes of one
 * cluster once drew the same port, and one of them never answered {@code /health}).
 */
final class LoopbackPorts {
    private static final FreePorts PORTS = new FreePorts();

    private LoopbackPorts() {
    }

    static int next() {
        try {
            return PORTS.next("127.0.0.1");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
