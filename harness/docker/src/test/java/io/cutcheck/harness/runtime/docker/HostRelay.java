package io.cutcheck.harness.runtime.docker;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A stand-in for a proxy on one link, as the harness puts them on the host: it listens where the
 * containers reach the host and relays every connection to an upstream address on the host.
 */
final class HostRelay implements AutoCloseable {

    private final ServerSocket server;
    private final InetSocketAddress upstream;

    HostRelay(String bindHost, InetSocketAddress upstream) throws IOException {
        this.server = new ServerSocket(0, 16, InetAddress.getByName(bindHost));
        this.upstream = upstream;
        Thread accept = new Thread(this::acceptLoop, "relay-accept");
        accept.setDaemon(true);
        accept.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket downstream = server.accept();
                Socket up = new Socket();
                try {
                    up.connect(new InetSocketAddress(upstream.getHostString(), upstream.getPort()), 2000);
                } catch (IOException e) {
                    downstream.close();
                    continue;
                }
                pump(downstream, up);
                pump(up, downstream);
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private static void pump(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                // the other side went away
            } finally {
                try {
                    to.shutdownOutput();
                } catch (IOException ignored) {
                    // closed already
                }
            }
        }, "relay-pump");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
