package io.cutcheck.nemesis.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real TCP server on loopback for the proxies to relay to: a thread per connection running
 * one behaviour. Closing it closes the listener and every connection.
 */
final class TestUpstream implements AutoCloseable {

    /** What the server does with each accepted connection. */
    interface Behaviour {
        void serve(Socket socket) throws IOException;
    }

    private final ServerSocket listener;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    private TestUpstream(Behaviour behaviour) {
        try {
            listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        acceptor = new Thread(() -> {
            while (!listener.isClosed()) {
                try {
                    Socket socket = listener.accept();
                    sockets.add(socket);
                    Thread worker = new Thread(() -> {
                        try (socket) {
                            behaviour.serve(socket);
                        } catch (IOException ignored) {
                            // the peer went away: nothing to serve
                        }
                    }, "test-upstream-connection");
                    worker.setDaemon(true);
                    worker.start();
                } catch (IOException closed) {
                    return;
                }
            }
        }, "test-upstream-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Echoes every byte back until the client closes. */
    static TestUpstream echo() {
        return new TestUpstream(socket -> {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                out.write(buffer, 0, n);
                out.flush();
            }
        });
    }

    /** Reads and discards everything until the client closes. */
    static TestUpstream sink() {
        return new TestUpstream(socket -> {
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[256 * 1024];
            while (in.read(buffer) >= 0) {
                // discard
            }
        });
    }

    /** Sends {@code reply} as soon as a connection opens, then closes it. */
    static TestUpstream replyThenClose(byte[] reply) {
        return new TestUpstream(socket -> {
            socket.getOutputStream().write(reply);
            socket.getOutputStream().flush();
        });
    }

    static TestUpstream of(Behaviour behaviour) {
        return new TestUpstream(behaviour);
    }

    /** {@code 127.0.0.1:port}, as a proxy's upstream. */
    String address() {
        return "127.0.0.1:" + listener.getLocalPort();
    }

    int port() {
        return listener.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }
}
