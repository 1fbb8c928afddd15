package io.cutcheck.harness.runtime.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Hands out ports that are free now and not handed out before by this instance, drawn at random
 * below the kernel's ephemeral range: a node keeps its port across restarts, and a port in the
 * ephemeral range could meanwhile be taken by some outgoing connection, so the restarted node
 * could not bind it. A port another program takes between here and the node's bind shows up as
 * a node that fails to start, which the set-up reports.
 */
public final class FreePorts {

    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    private static final int SPAN = 12_000;

    private final Set<Integer> given = new HashSet<>();
    private final int low;
    private final int high;

    public FreePorts() {
        int ephemeralStart = ephemeralStart();
        this.high = ephemeralStart;
        this.low = Math.max(1024, ephemeralStart - SPAN);
    }

    public synchronized int next(String host) throws IOException {
        InetAddress address = InetAddress.getByName(host);
        for (int attempt = 0; attempt < 500; attempt++) {
            int port = low + ThreadLocalRandom.current().nextInt(high - low);
            if (given.contains(port)) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(address, port));
                given.add(port);
                return port;
            } catch (IOException taken) {
                // draw again
            }
        }
        throw new IOException("no free port found on " + host + " in " + low + "-" + (high - 1));
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
