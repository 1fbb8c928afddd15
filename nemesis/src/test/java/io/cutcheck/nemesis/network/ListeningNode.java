package io.cutcheck.nemesis.network;

import io.cutcheck.harness.runtime.NodeAddress;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stand-in for a node: real listeners on loopback for its control and data ports that count
 * the bytes they receive (and never answer, so each direction can be watched on its own).
 */
final class ListeningNode implements AutoCloseable {

    private final String name;
    private final ServerSocket control;
    private final ServerSocket data;
    private final AtomicLong receivedOnData = new AtomicLong();
    private final AtomicLong receivedOnControl = new AtomicLong();
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();

    ListeningNode(String name) throws IOException {
        this.name = name;
        this.control = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.data = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        serve(control, receivedOnControl);
        serve(data, receivedOnData);
    }

    NodeAddress address() {
        return new NodeAddress(name, "127.0.0.1", control.getLocalPort(), data.getLocalPort(), "127.0.0.1");
    }

    long receivedOnData() {
        return receivedOnData.get();
    }

    long receivedOnControl() {
        return receivedOnControl.get();
    }

    private void serve(ServerSocket listener, AtomicLong counter) {
        Thread acceptor = new Thread(() -> {
            while (!listener.isClosed()) {
                try {
                    Socket socket = listener.accept();
                    accepted.add(socket);
                    Thread reader = new Thread(() -> {
                        try (InputStream in = socket.getInputStream()) {
                            byte[] buffer = new byte[4096];
                            for (int n; (n = in.read(buffer)) > 0; ) {
                                counter.addAndGet(n);
                            }
                        } catch (IOException gone) {
                            // the connection ended: nothing more to count
                        }
                    }, name + "-reader");
                    reader.setDaemon(true);
                    reader.start();
                } catch (IOException closed) {
                    return;
                }
            }
        }, name + "-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @Override
    public void close() throws IOException {
        control.close();
        data.close();
        for (Socket socket : accepted) {
            socket.close();
        }
    }
}
