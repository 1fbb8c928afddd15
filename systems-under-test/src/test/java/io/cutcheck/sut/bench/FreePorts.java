package io.cutcheck.sut.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for the nodes and services of the benchmark and test clusters. A cluster draws all its
 * ports before any of its processes binds one, so a check that a port is free cannot tell two
 * draws apart: every port handed out is remembered (two nodes of one cluster drew the same port
 * about once in 130 clusters, and one of them never answered {@code /health}).
 */
final class FreePorts {

    private static final int LOW = 20_000;
    private static final int SPAN = 12_000;
    /** The newest ports handed out, a fraction of the span, so drawing never runs dry. */
    private static final int REMEMBERED = 4096;
    private static final Set<Integer> HANDED_OUT = new LinkedHashSet<>();

    private FreePorts() {
    }

    /**
     * A port free a moment ago and not handed out before, drawn at random below the kernel's
     * ephemeral range (32768 and up), where port-0 listeners and outgoing connections land.
     */
    static synchronized int next() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = LOW + ThreadLocalRandom.current().nextInt(SPAN);
            if (HANDED_OUT.contains(port)) {
                continue;
            }
            try (ServerSocket s = new ServerSocket()) {
                s.bind(new InetSocketAddress("127.0.0.1", port));
            } catch (IOException e) {
                continue;   // taken: draw again
            }
            HANDED_OUT.add(port);
            if (HANDED_OUT.size() > REMEMBERED) {
                HANDED_OUT.remove(HANDED_OUT.iterator().next());
            }
            return port;
        }
        throw new UncheckedIOException(new IOException("no free port found in " + LOW + "-" + (LOW + SPAN - 1)));
    }
}
