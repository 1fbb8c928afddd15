package io.cutcheck.nemesis.network;

import eu.rekawek.toxiproxy.ToxiproxyClient;
import io.cutcheck.harness.runtime.Runtime;
import io.cutcheck.nemesis.proxy.ToxiproxyServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Which Toxiproxy server a run's link proxies live on: the embedded one, started in this process
 * for the run, or a real Toxiproxy a user runs, given by its API URL. Either way the harness
 * talks to it only through the official Java client.
 *
 * <p>An external server must share this host's network (a {@code toxiproxy-server} on this host,
 * or a container with host networking): its proxies listen where the harness's own services do,
 * and reach the nodes where the harness reaches them.
 */
public sealed interface ToxiproxyEndpoint {

    /** Opens the server (starting it, if embedded) for one run. */
    ToxiproxyConnection open(Runtime runtime) throws IOException;

    /** Fails with a one-line message when the server cannot be used, before any run starts. */
    default void check() throws IOException {}

    /** The embedded server, started on the interface the runtime's nodes reach the harness at. */
    record Embedded() implements ToxiproxyEndpoint {
        @Override
        public ToxiproxyConnection open(Runtime runtime) throws IOException {
            ToxiproxyServer server = ToxiproxyServer.start(runtime.servicesBindHost(), 0);
            String apiHost = clientHost(server.host());
            return new ToxiproxyConnection(new ToxiproxyClient(apiHost, server.port()), runtime.servicesBindHost(),
                    runtime.harnessHostForNodes(), "embedded Toxiproxy at " + server.baseUrl(), server::stop);
        }
    }

    /** A real (or any compatible) Toxiproxy, reached at {@code url}; its proxies are removed after the run. */
    record External(URI url) implements ToxiproxyEndpoint {
        @Override
        public ToxiproxyConnection open(Runtime runtime) throws IOException {
            ToxiproxyClient client = reachable();
            return new ToxiproxyConnection(client, runtime.servicesBindHost(), runtime.harnessHostForNodes(),
                    "Toxiproxy at " + url, () -> {});
        }

        @Override
        public void check() throws IOException {
            reachable();
        }

        private ToxiproxyClient reachable() throws IOException {
            ToxiproxyClient client = new ToxiproxyClient(url.getHost(), url.getPort());
            try {
                client.version();
            } catch (IOException e) {
                throw new IOException("cannot reach Toxiproxy at " + url + ": " + e.getMessage(), e);
            }
            return client;
        }

        @Override
        public String toString() {
            return url.toString();
        }
    }

    /**
     * Reads {@code http://host:port} (a bare {@code host:port} too); anything else is refused with
     * a one-line message.
     */
    static External parse(String text) {
        String withScheme = text.contains("://") ? text : "http://" + text;
        URI uri;
        try {
            uri = new URI(withScheme);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--toxiproxy is not a URL: " + text);
        }
        if (!"http".equals(uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT))
                || uri.getHost() == null || uri.getPort() < 1 || uri.getPort() > 65535
                || (uri.getPath() != null && !uri.getPath().isEmpty() && !uri.getPath().equals("/"))) {
            throw new IllegalArgumentException("--toxiproxy must be http://HOST:PORT, e.g. http://127.0.0.1:8474: " + text);
        }
        return new External(URI.create("http://" + uri.getHost() + ":" + uri.getPort()));
    }

    /** Where a client on this host reaches a server bound to {@code bound} (every interface: loopback). */
    private static String clientHost(String bound) throws IOException {
        return InetAddress.getByName(bound).isAnyLocalAddress() ? "127.0.0.1" : bound;
    }
}
