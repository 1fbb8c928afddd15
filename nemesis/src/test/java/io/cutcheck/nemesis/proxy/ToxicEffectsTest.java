package io.cutcheck.nemesis.proxy;

import static io.cutcheck.nemesis.proxy.ToxiproxyServerExtension.connect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import eu.rekawek.toxiproxy.model.toxic.Bandwidth;
import eu.rekawek.toxiproxy.model.toxic.Latency;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Each toxic, set through the official Java client, acting on real TCP traffic relayed to a
 * real upstream on loopback. Bounds are loose on the fast side (the machine is shared), strict
 * on the side the toxic guarantees.
 */
@org.junit.jupiter.api.Timeout(value = 30, threadMode = ThreadMode.SEPARATE_THREAD)
class ToxicEffectsTest {

    @RegisterExtension
    final ToxiproxyServerExtension toxiproxy = new ToxiproxyServerExtension();

    private final List<AutoCloseable> opened = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable closeable : opened) {
            closeable.close();
        }
    }

    @Test
    void without_toxics_bytes_pass_unchanged_both_ways() throws IOException {
        Proxy proxy = proxyTo(TestUpstream.echo());
        byte[] payload = new byte[1 << 20];
        new java.util.Random(7).nextBytes(payload);

        try (Socket socket = connect(proxy.getListen())) {
            Thread writer = new Thread(() -> {
                try {
                    socket.getOutputStream().write(payload);
                } catch (IOException ignored) {
                    // the reader fails the test
                }
            });
            writer.start();
            assertThat(socket.getInputStream().readNBytes(payload.length)).isEqualTo(payload);
        }
    }

    @Test
    void latency_delays_each_round_trip() throws IOException {
        Proxy proxy = proxyTo(TestUpstream.echo());
        proxy.toxics().latency("lat", ToxicDirection.DOWNSTREAM, 200);

        try (Socket socket = connect(proxy.getListen())) {
            assertThat(roundTripMillis(socket)).isBetween(195L, 5000L);
            assertThat(roundTripMillis(socket)).isBetween(195L, 5000L);
        }
    }

    @Test
    void jitter_keeps_each_delay_within_latency_plus_or_minus_jitter() throws IOException {
        Proxy proxy = proxyTo(TestUpstream.echo());
        proxy.toxics().latency("lat", ToxicDirection.UPSTREAM, 100).setJitter(50);

        try (Socket socket = connect(proxy.getListen())) {
            for (int i = 0; i < 5; i++) {
                assertThat(roundTripMillis(socket)).isBetween(48L, 5000L);
            }
        }
    }

    @Test
    void updating_a_latency_applies_to_an_open_connection() throws IOException {
        Proxy proxy = proxyTo(TestUpstream.echo());
        Latency latency = proxy.toxics().latency("lat", ToxicDirection.DOWNSTREAM, 0);

        try (Socket socket = connect(proxy.getListen())) {
            assertThat(fastestRoundTripMillis(socket)).isLessThan(250L);
            latency.setLatency(400);
            assertThat(roundTripMillis(socket)).isBetween(395L, 3000L);
            latency.remove();
            assertThat(fastestRoundTripMillis(socket)).isLessThan(250L);
        }
    }

    @Test
    void toxicity_zero_leaves_links_untouched() throws IOException {
        Proxy proxy = proxyTo(TestUpstream.echo());
        proxy.toxics().latency("lat", ToxicDirection.DOWNSTREAM, 2000).setToxicity(0f);

        try (Socket socket = connect(proxy.getListen())) {
            assertThat(fastestRoundTripMillis(socket)).isLessThan(1000L);
        }
    }

    @Test
    void bandwidth_limits_the_rate() throws IOException {
        Proxy proxy = proxyTo(TestUpstream.echo());
        proxy.toxics().bandwidth("bw", ToxicDirection.DOWNSTREAM, 100); // 100 KB/s
        byte[] payload = new byte[50_000];

        try (Socket socket = connect(proxy.getListen())) {
            long start = System.nanoTime();
            socket.getOutputStream().write(payload);
            assertThat(socket.getInputStream().readNBytes(payload.length)).hasSize(payload.length);
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(millis).as("50 KB at 100 KB/s").isBetween(400L, 5000L);
        }
    }

    @Test
    void bandwidth_zero_holds_data_until_the_toxic_goes() throws IOException {
        Proxy proxy = proxyTo(TestUpstream.echo());
        Bandwidth cut = proxy.toxics().bandwidth("cut", ToxicDirection.UPSTREAM, 0);

        try (Socket socket = connect(proxy.getListen())) {
            socket.getOutputStream().write("held".getBytes(StandardCharsets.US_ASCII));
            socket.setSoTimeout(500);
            assertThatThrownBy(() -> socket.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);

            cut.remove();

            socket.setSoTimeout(5000);
            assertThat(new String(socket.getInputStream().readNBytes(4), StandardCharsets.US_ASCII)).isEqualTo("held");
        }
    }

    @Test
    void timeout_drops_data_then_closes_the_connection() throws IOException {
        Proxy proxy = proxyTo(TestUpstream.echo());
        proxy.toxics().timeout("to", ToxicDirection.DOWNSTREAM, 300);

        try (Socket socket = connect(proxy.getListen())) {
            long start = System.nanoTime();
            socket.getOutputStream().write("lost".getBytes(StandardCharsets.US_ASCII));
            assertThat(socket.getInputStream().read()).as("closed, nothing delivered").isEqualTo(-1);
            assertThat((System.nanoTime() - start) / 1_000_000).isBetween(250L, 3000L);
        }
    }

    @Test
    void timeout_zero_drops_data_and_keeps_the_connection_open() throws IOException {
        Proxy proxy = proxyTo(TestUpstream.echo());
        proxy.toxics().timeout("to", ToxicDirection.DOWNSTREAM, 0);

        try (Socket socket = connect(proxy.getListen())) {
            socket.getOutputStream().write("lost".getBytes(StandardCharsets.US_ASCII));
            socket.setSoTimeout(700);
            assertThatThrownBy(() -> socket.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void reset_peer_resets_the_connection() throws IOException {
        Proxy proxy = proxyTo(TestUpstream.echo());
        proxy.toxics().resetPeer("rp", ToxicDirection.DOWNSTREAM, 0);

        try (Socket socket = connect(proxy.getListen())) {
            socket.getOutputStream().write("ping".getBytes(StandardCharsets.US_ASCII));
            assertThatThrownBy(() -> socket.getInputStream().read())
                    .isInstanceOf(SocketException.class).hasMessageContaining("reset");
        }
    }

    @Test
    void slicer_delivers_data_in_small_pieces() throws IOException {
        Proxy proxy = proxyTo(TestUpstream.echo());
        proxy.toxics().slicer("sl", ToxicDirection.DOWNSTREAM, 10, 50_000); // 10 bytes, 50 ms apart
        byte[] payload = new byte[60];
        Arrays.fill(payload, (byte) 'x');

        try (Socket socket = connect(proxy.getListen())) {
            socket.getOutputStream().write(payload);
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[1024];
            int total = 0;
            int reads = 0;
            long start = System.nanoTime();
            while (total < payload.length) {
                int n = in.read(buffer);
                assertThat(n).isPositive();
                total += n;
                reads++;
            }
            assertThat(reads).as("reads of 60 bytes sliced in 10s").isGreaterThanOrEqualTo(2);
            assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(200L);
        }
    }

    @Test
    void limit_data_closes_after_the_limit() throws IOException {
        Proxy proxy = proxyTo(TestUpstream.echo());
        proxy.toxics().limitData("ld", ToxicDirection.DOWNSTREAM, 10);

        try (Socket socket = connect(proxy.getListen())) {
            socket.getOutputStream().write(new byte[100]);
            assertThat(socket.getInputStream().readAllBytes()).hasSize(10);
        }
    }

    @Test
    void an_upstream_close_closes_the_client() throws IOException {
        Proxy proxy = proxyTo(TestUpstream.replyThenClose("bye".getBytes(StandardCharsets.US_ASCII)));

        try (Socket socket = connect(proxy.getListen())) {
            assertThat(new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("bye");
        }
    }

    @Test
    void slow_close_delays_the_close() throws IOException {
        Proxy proxy = proxyTo(TestUpstream.replyThenClose("bye".getBytes(StandardCharsets.US_ASCII)));
        proxy.toxics().slowClose("sc", ToxicDirection.DOWNSTREAM, 400);

        try (Socket socket = connect(proxy.getListen())) {
            long start = System.nanoTime();
            assertThat(new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("bye");
            assertThat((System.nanoTime() - start) / 1_000_000).isBetween(380L, 3000L);
        }
    }

    @Test
    void a_disabled_proxy_refuses_connections_and_closes_open_ones() throws IOException {
        Proxy proxy = proxyTo(TestUpstream.echo());
        String listen = proxy.getListen();

        try (Socket open = connect(listen)) {
            assertThat(fastestRoundTripMillis(open)).isLessThan(1000L);
            proxy.disable();
            assertThatThrownBy(() -> connect(listen)).isInstanceOf(ConnectException.class);
            assertThat(readEndOrReset(open)).isTrue();
        }

        proxy.enable();
        try (Socket again = connect(listen)) {
            assertThat(fastestRoundTripMillis(again)).isLessThan(1000L);
        }
    }

    @Test
    void an_unreachable_upstream_closes_the_client() throws IOException {
        int deadPort;
        try (TestUpstream gone = TestUpstream.echo()) {
            deadPort = gone.port();
        }
        Proxy proxy = toxiproxy.client().createProxy("dead", "127.0.0.1:0", "127.0.0.1:" + deadPort);

        try (Socket socket = connect(proxy.getListen())) {
            assertThat(readEndOrReset(socket)).isTrue();
        }
    }

    private Proxy proxyTo(TestUpstream upstream) throws IOException {
        opened.add(upstream);
        return toxiproxy.client().createProxy("p", "127.0.0.1:0", upstream.address());
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

    private static boolean readEndOrReset(Socket socket) {
        try {
            return socket.getInputStream().read() == -1;
        } catch (SocketException reset) {
            return true;
        } catch (IOException other) {
            return false;
        }
    }
}
