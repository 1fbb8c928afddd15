package io.cutcheck.sut.wire;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.function.Consumer;

/** Accepts FIFO frame connections on a port and hands each to a handler on its own thread. */
public final class FrameServer implements AutoCloseable {
    private final ServerSocket server;
    private final Thread acceptor;

    public FrameServer(String host, int port, String name, Consumer<FrameChannel> handler) {
        this(host, port, name, FrameChannel.SOCKET_BUFFER, handler);
    }

    /** As {@link #FrameServer(String, int, String, Consumer)}, with {@code socketBuffer} bytes of kernel buffer per direction. */
    public FrameServer(String host, int port, String name, int socketBuffer, Consumer<FrameChannel> handler) {
        try {
            server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(host, port), 128);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    FrameChannel channel = new FrameChannel(socket, socketBuffer);
                    Thread t = new Thread(() -> handler.accept(channel), name + "-in-" + socket.getPort());
                    t.setDaemon(true);
                    t.start();
                } catch (IOException e) {
                    if (server.isClosed()) {
                        return;
                    }
                }
            }
        }, name + "-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
