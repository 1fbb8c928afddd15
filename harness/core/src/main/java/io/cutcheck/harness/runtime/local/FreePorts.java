package io.cutcheck.harness.runtime.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

/**
 * Hands out ports that are free now and not handed out before by this instance. The OS picks
 * them (bind to port 0); a port another program takes between here and the node's bind shows up
 * as a node that fails to start, which the set-up reports.
 */
final class FreePorts {

    private final Set<Integer> given = new HashSet<>();

    synchronized int next(String host) throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host))) {
                socket.setReuseAddress(true);
                int port = socket.getLocalPort();
                if (given.add(port)) {
                    return port;
                }
            }
        }
        throw new IOException("no free port found on " + host);
    }
}
