package io.cutcheck.nemesis.partition;

import static org.assertj.core.api.Assertions.assertThat;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import io.cutcheck.nemesis.proxy.ToxiproxyServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/**
 * A one-way cut computed by a grudge and applied as bandwidth-0 toxics on the embedded server:
 * b still reaches a, a no longer reaches b, over real TCP.
 */
@Timeout(value = 30, threadMode = ThreadMode.SEPARATE_THREAD)
class CutThroughProxiesTest {

    @Test
    void a_one_way_cut_stops_exactly_one_direction() throws Exception {
        try (Receiver a = new Receiver(); Receiver b = new Receiver();
             ToxiproxyServer server = ToxiproxyServer.start("127.0.0.1", 0)) {
            ToxiproxyClient client = new ToxiproxyClient(server.host(), server.port());
            Proxy aToB = client.createProxy("a->b", "127.0.0.1:0", "127.0.0.1:" + b.port());
            Proxy bToA = client.createProxy("b->a", "127.0.0.1:0", "127.0.0.1:" + a.port());

            for (CutRoutes.ProxyStream target : CutRoutes.streams(Grudges.oneWay(List.of("a", "b")), (from, to) -> from + "->" + to)) {
                client.getProxy(target.proxy()).toxics().bandwidth("cut-" + target.stream(),
                        ToxicDirection.valueOf(target.stream().toUpperCase(Locale.ROOT)), 0);
            }
            try (Socket fromA = connect(aToB); Socket fromB = connect(bToA)) {
                fromA.getOutputStream().write(new byte[1000]);
                fromB.getOutputStream().write(new byte[1000]);
                long deadline = System.nanoTime() + 5_000_000_000L;
                while (a.received() < 1000 && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                Thread.sleep(200); // time enough for a's bytes to reach b, were they not held
            }

            assertThat(a.received()).as("b reaches a").isEqualTo(1000);
            assertThat(b.received()).as("a does not reach b").isZero();
        }
    }

    private static Socket connect(Proxy proxy) throws IOException {
        String listen = proxy.getListen();
        return new Socket("127.0.0.1", Integer.parseInt(listen.substring(listen.lastIndexOf(':') + 1)));
    }

    /** A node's listener that counts the bytes it receives. */
    private static final class Receiver implements AutoCloseable {
        private final ServerSocket listener = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        private final AtomicLong received = new AtomicLong();

        Receiver() throws IOException {
            Thread thread = new Thread(() -> {
                try (Socket socket = listener.accept(); InputStream in = socket.getInputStream()) {
                    byte[] buffer = new byte[4096];
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        received.addAndGet(n);
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return listener.getLocalPort();
        }

        long received() {
            return received.get();
        }

        @Override
        public void close() throws IOException {
            listener.close();
        }
    }
}
