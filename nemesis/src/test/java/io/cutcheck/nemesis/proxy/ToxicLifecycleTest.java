package io.cutcheck.nemesis.proxy;

import static io.cutcheck.nemesis.proxy.ToxiproxyServerExtension.connect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import eu.rekawek.toxiproxy.model.toxic.Timeout;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Toxics added, removed and reset while a connection is open, as a nemesis does mid-run. */
@org.junit.jupiter.api.Timeout(value = 30, threadMode = ThreadMode.SEPARATE_THREAD)
class ToxicLifecycleTest {

    @RegisterExtension
    final ToxiproxyServerExtension toxiproxy = new ToxiproxyServerExtension();

    private final TestUpstream upstream = TestUpstream.echo();

    @AfterEach
    void closeUpstream() throws IOException {
        upstream.close();
    }

    @Test
    void a_toxic_added_to_an_open_connection_acts_on_it() throws IOException {
        Proxy proxy = toxiproxy.client().createProxy("p", "127.0.0.1:0", upstream.address());

        try (Socket socket = connect(proxy.getListen())) {
            assertThat(fastestRoundTripMillis(socket)).isLessThan(250L);
            proxy.toxics().latency("lat", ToxicDirection.UPSTREAM, 400);
            assertThat(roundTripMillis(socket)).isBetween(395L, 3000L);
        }
    }

    @Test
    void reset_releases_held_data_on_open_connections() throws IOException {
        Proxy proxy = toxiproxy.client().createProxy("p", "127.0.0.1:0", upstream.address());

        try (Socket socket = connect(proxy.getListen())) {
            proxy.toxics().bandwidth("cut", ToxicDirection.DOWNSTREAM, 0);
            socket.getOutputStream().write("held".getBytes(StandardCharsets.US_ASCII));
            socket.setSoTimeout(400);
            assertThatThrownBy(() -> socket.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);

            toxiproxy.client().reset();

            socket.setSoTimeout(5000);
            assertThat(new String(socket.getInputStream().readNBytes(4), StandardCharsets.US_ASCII)).isEqualTo("held");
        }
    }

    @Test
    void removing_a_timeout_closes_the_connection_it_dropped_data_of() throws IOException {
        Proxy proxy = toxiproxy.client().createProxy("p", "127.0.0.1:0", upstream.address());
        Timeout timeout = proxy.toxics().timeout("to", ToxicDirection.UPSTREAM, 0);

        try (Socket socket = connect(proxy.getListen())) {
            socket.getOutputStream().write("lost".getBytes(StandardCharsets.US_ASCII));
            socket.setSoTimeout(400);
            assertThatThrownBy(() -> socket.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);

            timeout.remove();

            socket.setSoTimeout(5000);
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
        }
    }

    @Test
    void limit_data_counts_across_updates() throws IOException {
        Proxy proxy = toxiproxy.client().createProxy("p", "127.0.0.1:0", upstream.address());
        var limit = proxy.toxics().limitData("ld", ToxicDirection.DOWNSTREAM, 100);

        try (Socket socket = connect(proxy.getListen())) {
            socket.getOutputStream().write(new byte[60]);
            assertThat(socket.getInputStream().readNBytes(60)).hasSize(60);
            limit.setBytes(80); // 60 already passed: 20 more, then the end
            socket.getOutputStream().write(new byte[60]);
            assertThat(socket.getInputStream().readAllBytes()).hasSize(20);
        }
    }

    @Test
    void a_held_link_pushes_back_on_the_sender_instead_of_buffering_without_bound() throws Exception {
        Proxy proxy = toxiproxy.client().createProxy("p", "127.0.0.1:0", upstream.address());
        proxy.toxics().bandwidth("cut", ToxicDirection.UPSTREAM, 0);
        AtomicLong written = new AtomicLong();

        try (Socket socket = connect(proxy.getListen())) {
            Thread writer = new Thread(() -> {
                byte[] block = new byte[64 * 1024];
                try {
                    for (int i = 0; i < 1024; i++) { // 64 MiB at most
                        socket.getOutputStream().write(block);
                        written.addAndGet(block.length);
                    }
                } catch (IOException closed) {
                    // the test closed the socket
                }
            });
            writer.setDaemon(true);
            writer.start();
            Thread.sleep(1500);

            // The proxy holds at most its high-water mark; the rest waits in socket buffers and the sender.
            assertThat(written.get()).isGreaterThan(1L << 20).isLessThan(32L << 20);
        }
    }

    /** The fastest of three round trips: a shared machine's hiccups only ever add time. */
    private static long fastestRoundTripMillis(Socket socket) throws IOException {
        return Math.min(roundTripMillis(socket), Math.min(roundTripMillis(socket), roundTripMillis(socket)));
    }

    private static long roundTripMillis(Socket socket) throws IOException {
        long start = System.nanoTime();
        socket.getOutputStream().write('!');
        assertThat(socket.getInputStream().read()).isEqualTo('!');
        return (System.nanoTime() - start) / 1_000_000;
    }
}
