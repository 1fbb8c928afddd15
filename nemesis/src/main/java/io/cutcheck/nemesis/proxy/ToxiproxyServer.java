package io.cutcheck.nemesis.proxy;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * An embedded server speaking Toxiproxy's HTTP API: proxies relaying TCP connections through
 * toxics, driven by any Toxiproxy client. The API and the proxies run on separate event loops,
 * so an API call that waits for a listener never waits on itself.
 *
 * <pre>{@code
 * try (ToxiproxyServer server = ToxiproxyServer.start("127.0.0.1", 0)) {
 *     ToxiproxyClient client = new ToxiproxyClient(server.host(), server.port());
 *     ...
 * }
 * }</pre>
 */
public final class ToxiproxyServer implements AutoCloseable {

    private static final int MAX_BODY_BYTES = 1 << 20;

    private final ApiRoutes routes;
    private final EventLoopGroup apiGroup;
    private final EventLoopGroup proxyGroup;
    private final ProxyRegistry registry;
    private final Channel apiChannel;
    private final InetSocketAddress address;

    private ToxiproxyServer(ApiRoutes routes, EventLoopGroup apiGroup, EventLoopGroup proxyGroup, ProxyRegistry registry,
                            Channel apiChannel) {
        this.routes = routes;
        this.apiGroup = apiGroup;
        this.proxyGroup = proxyGroup;
        this.registry = registry;
        this.apiChannel = apiChannel;
        this.address = (InetSocketAddress) apiChannel.localAddress();
    }

    /** Starts the API on {@code host:port} (port 0: a free one), with unseeded randomness. */
    public static ToxiproxyServer start(String host, int port) throws IOException {
        return start(host, port, new Random());
    }

    /** Starts with a seeded source for toxicity, jitter and slicing, for reproducible runs. */
    public static ToxiproxyServer start(String host, int port, long seed) throws IOException {
        return start(host, port, new Random(seed));
    }

    private static ToxiproxyServer start(String host, int port, Random random) throws IOException {
        Transport transport = Transport.best();
        EventLoopGroup apiGroup = transport.newGroup(1, "toxiproxy-api");
        EventLoopGroup proxyGroup = transport.newGroup(Math.max(2, Runtime.getRuntime().availableProcessors()), "toxiproxy-link");
        ProxyRegistry registry = new ProxyRegistry(proxyGroup, transport, random);
        ApiRoutes routes = new ApiRoutes(registry);
        ApiHandler api = new ApiHandler(routes);
        ChannelFuture bound = new ServerBootstrap()
                .group(apiGroup)
                .channel(transport.serverChannel())
                .option(ChannelOption.SO_REUSEADDR, true)
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        channel.pipeline().addLast(new HttpServerCodec(), new HttpServerKeepAliveHandler(),
                                new HttpObjectAggregator(MAX_BODY_BYTES), api);
                    }
                })
                .bind(host, port)
                .awaitUninterruptibly();
        if (!bound.isSuccess()) {
            shutDown(apiGroup, proxyGroup);
            throw new IOException("cannot listen on " + host + ":" + port + ": " + bound.cause().getMessage(), bound.cause());
        }
        return new ToxiproxyServer(routes, apiGroup, proxyGroup, registry, bound.channel());
    }

    /** The address the API listens on, e.g. {@code 127.0.0.1}. */
    public String host() {
        return address.getAddress().getHostAddress();
    }

    public int port() {
        return address.getPort();
    }

    /** The API's base URL, e.g. {@code http://127.0.0.1:8474}. */
    public String baseUrl() {
        return "http://" + HostPort.format(address);
    }

    /**
     * Creates or replaces proxies from a JSON array in the format of {@code POST /populate} and
     * Toxiproxy's {@code -config} file: {@code [{"name":..,"listen":..,"upstream":..}, ...]}.
     *
     * @throws IOException with the API's error message when the populate is refused
     */
    public void populate(String json) throws IOException {
        ApiResponse response = routes.handle("POST", List.of("populate"), json);
        if (response.status() != 201) {
            throw new IOException(ApiJson.MAPPER.readTree(response.body()).path("error").asText());
        }
    }

    /** Blocks until the server is stopped. */
    public void awaitStop() throws InterruptedException {
        apiChannel.closeFuture().await();
    }

    /** Closes the API listener, every proxy listener and every connection, and the event loops. */
    public void stop() {
        apiChannel.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        registry.stopAll();
        shutDown(apiGroup, proxyGroup);
    }

    @Override
    public void close() {
        stop();
    }

    private static void shutDown(EventLoopGroup... groups) {
        for (EventLoopGroup group : groups) {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        }
        for (EventLoopGroup group : groups) {
            group.terminationFuture().awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
    }
}
