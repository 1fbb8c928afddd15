package io.cutcheck.nemesis.proxy;

import io.cutcheck.nemesis.proxy.toxic.Stream;
import io.cutcheck.nemesis.proxy.toxic.Toxic;
import io.cutcheck.nemesis.proxy.toxic.ToxicHandler;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelConfig;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.DuplexChannel;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;

/**
 * One client connection through a proxy: the accepted client channel, the channel dialled to the
 * upstream, and a link each way (upstream: client to server; downstream: back). Each link is its
 * source channel's pipeline: ingress, the stream's toxics in order, relay. Both channels share
 * one event loop and every method here runs on it, so the pipelines need no locks.
 */
final class ProxyConnection {

    private static final String INGRESS = "ingress";
    private static final String RELAY = "relay";
    private static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(1 << 20, 4 << 20);

    private final Channel client;
    private final Flow upstreamFlow;
    private final Flow downstreamFlow;
    /** Each stream's toxics in order, kept so the server's pipeline can be built once it connects. */
    private final EnumMap<Stream, List<Toxic>> chains = new EnumMap<>(Stream.class);
    private final EnumMap<Stream, Ingress> ingresses = new EnumMap<>(Stream.class);
    private final EnumSet<Stream> ended = EnumSet.noneOf(Stream.class);
    private Channel server;

    ProxyConnection(Channel client, List<Toxic> toxics, Random random) {
        this.client = client;
        this.upstreamFlow = new Flow(this, random);
        this.downstreamFlow = new Flow(this, random);
        for (Stream stream : Stream.values()) {
            chains.put(stream, new ArrayList<>());
        }
        toxics.forEach(toxic -> chains.get(toxic.stream()).add(toxic));
    }

    /**
     * Options of both channels of a connection: no Nagle delay (as Go's default), no reading
     * until both flows are connected, half-closure so a FIN does not tear down the pipeline and
     * the data its toxics hold, and buffers sized for bulk streams.
     */
    static void configure(Channel channel) {
        ChannelConfig config = channel.config();
        config.setOption(ChannelOption.TCP_NODELAY, true);
        config.setOption(ChannelOption.ALLOW_HALF_CLOSURE, true);
        config.setAutoRead(false);
        config.setWriteBufferWaterMark(WATER_MARK);
        config.setRecvByteBufAllocator(new AdaptiveRecvByteBufAllocator(4096, 64 * 1024, 1 << 20));
    }

    /** Builds the client's link and dials the upstream; reading starts once it answers. */
    void open(Transport transport, String upstreamHost, int upstreamPort) {
        buildLink(client.pipeline(), Stream.UPSTREAM, upstreamFlow, downstreamFlow);
        Bootstrap dialer = new Bootstrap()
                .group(client.eventLoop())
                .channel(transport.socketChannel())
                .handler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        configure(channel);
                        server = channel;
                        buildLink(channel.pipeline(), Stream.DOWNSTREAM, downstreamFlow, upstreamFlow);
                    }
                });
        ChannelFuture dialled = dialer.connect(upstreamHost, upstreamPort);
        dialled.addListener(done -> {
            if (!done.isSuccess() || !client.isActive()) {
                // Toxiproxy closes the client when the upstream cannot be reached.
                client.close();
                dialled.channel().close();
                return;
            }
            upstreamFlow.connect(client, server);
            downstreamFlow.connect(server, client);
        });
    }

    /**
     * One direction has delivered its end. Like Toxiproxy, which closes a link's destination when
     * its source ends, the destination gets a FIN and is read no more (which ends the opposite
     * direction once its toxics let go); when both directions are done, both channels close.
     */
    void directionEnded(Stream stream) {
        if (!ended.add(stream)) {
            return;
        }
        if (ended.size() == Stream.values().length) {
            close();
            return;
        }
        Channel destination = stream == Stream.UPSTREAM ? server : client;
        if (destination instanceof DuplexChannel duplex && duplex.isActive()) {
            duplex.shutdownOutput();
        }
        Ingress opposite = ingresses.get(stream == Stream.UPSTREAM ? Stream.DOWNSTREAM : Stream.UPSTREAM);
        if (opposite != null) {
            opposite.endInput();
        } else {
            close();
        }
    }

    /** Adds a toxic at the end of its stream's chain. */
    void addToxic(Toxic toxic) {
        chains.get(toxic.stream()).add(toxic);
        ChannelPipeline pipeline = pipelineOf(toxic.stream());
        if (pipeline != null && pipeline.get(RELAY) != null) {
            pipeline.addBefore(RELAY, handlerName(toxic), toxic.kind().newHandler(toxic, flowOf(toxic.stream())));
        }
    }

    /** Applies new settings of a toxic already on the chain. */
    void updateToxic(Toxic toxic) {
        List<Toxic> chain = chains.get(toxic.stream());
        chain.replaceAll(existing -> existing.name().equals(toxic.name()) ? toxic : existing);
        ChannelPipeline pipeline = pipelineOf(toxic.stream());
        if (pipeline != null && pipeline.get(handlerName(toxic)) instanceof ToxicHandler handler) {
            handler.reconfigure(toxic);
        }
    }

    /** Takes a toxic off its chain; what it held goes on to the next handler. */
    void removeToxic(Toxic toxic) {
        chains.get(toxic.stream()).removeIf(existing -> existing.name().equals(toxic.name()));
        ChannelPipeline pipeline = pipelineOf(toxic.stream());
        if (pipeline != null && pipeline.get(handlerName(toxic)) != null) {
            pipeline.remove(handlerName(toxic));
        }
    }

    /** Closes both ends. */
    void close() {
        client.close();
        if (server != null) {
            server.close();
        }
    }

    /** Aborts both ends with a TCP reset: SO_LINGER 0 makes close send RST instead of FIN. */
    void reset() {
        for (Channel channel : new Channel[] {client, server}) {
            if (channel != null && channel.isOpen()) {
                channel.config().setOption(ChannelOption.SO_LINGER, 0);
                channel.close();
            }
        }
    }

    Channel client() {
        return client;
    }

    private void buildLink(ChannelPipeline pipeline, Stream stream, Flow flow, Flow opposite) {
        Ingress ingress = new Ingress(flow, opposite);
        ingresses.put(stream, ingress);
        pipeline.addLast(INGRESS, ingress);
        for (Toxic toxic : chains.get(stream)) {
            pipeline.addLast(handlerName(toxic), toxic.kind().newHandler(toxic, flow));
        }
        pipeline.addLast(RELAY, new Relay(this, stream, flow));
    }

    private ChannelPipeline pipelineOf(Stream stream) {
        Channel source = stream == Stream.UPSTREAM ? client : server;
        return source == null ? null : source.pipeline();
    }

    private Flow flowOf(Stream stream) {
        return stream == Stream.UPSTREAM ? upstreamFlow : downstreamFlow;
    }

    private static String handlerName(Toxic toxic) {
        return "toxic:" + toxic.name();
    }
}
