package io.cutcheck.nemesis.proxy;

import eu.rekawek.toxiproxy.ToxiproxyClient;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts an embedded server on a free loopback port before each test and stops it after,
 * whatever the test did, with the official Java client pointed at it.
 */
final class ToxiproxyServerExtension implements BeforeEachCallback, AfterEachCallback {

    private ToxiproxyServer server;
    private ToxiproxyClient client;

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        server = ToxiproxyServer.start("127.0.0.1", 0, 42);
        client = new ToxiproxyClient(server.host(), server.port());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (server != null) {
            server.stop();
        }
    }

    ToxiproxyServer server() {
        return server;
    }

    ToxiproxyClient client() {
        return client;
    }

    /** Opens a client socket to a proxy whose listen address is {@code listen}. */
    static Socket connect(String listen) throws IOException {
        int colon = listen.lastIndexOf(':');
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", Integer.parseInt(listen.substring(colon + 1))), 2000);
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(5000);
        return socket;
    }
}
