package io.cutcheck.harness.runtime.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Hands out ports that are free now and not handed out recently in this JVM (by any instance:
 * the run's services and its nodes draw from separate instances, and a port free when one drew
 * it is still free when the other draws, until its owner binds it), drawn at random below the
 * kernel's ephemeral range: a node keeps its port across restarts, and a port in the
 * ephemeral range could meanwhile be taken by some outgoing connection, so the restarted node
 * could not bind it. A port another program takes between here and the node's bind shows up as
 * a node that fails to start, which the set-up reports.
 */
public final class FreePorts {

    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    private static final int SPAN = 12_000;

    /** How many recent ports are remembered: far more than one run uses, far fewer than the span. */
    private static final int REMEMBERED = 4_096;
    private static final Set<Integer> GIVEN = new LinkedHashSet<>();

    private final int low;
    private final int high;

    public FreePorts() {
        int ephemeralStart = ephemeralStart();
        this.high = ephemeralStart;
        this.low = Math.max(1024, ephemeralStart - SPAN);
    }

    public int next(String host) throws IOException {
        synchronized (GIVEN) {
            return draw(host);
        }
    }

    private int draw(String host) throws IOException {
        InetAddress address = InetAddress.getByName(host);
        for (int attempt = 0; attempt < 500; attempt++) {
            int port = low + ThreadLocalRandom.current().nextInt(high - low);
            if (GIVEN.contains(port)) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(address, port));
                remember(port);
                return port;
            } catch (IOException taken) {
                // draw again
            }
        }
        throw new IOException("no free port found on " + host + " in " + low + "-" + (high - 1));
    }

    private static void remember(int port) {
        GIVEN.add(port);
        if (GIVEN.size() > REMEMBERED) {
            GIVEN.remove(GIVEN.iterator().next());
        }
    }

    private static int ephemeralStart() {
        try {
            String[] range = Files.readString(EPHEMERAL_RANGE).trim().split("\\s+");
            int start = Integer.parseInt(range[0]);
            return start > 2048 ? start : 32_768;
        } catch (IOException | RuntimeException e) {
            return 32_768;
        }
    }
}
