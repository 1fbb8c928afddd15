package io.cutcheck.nemesis.proxy;

import io.cutcheck.nemesis.proxy.toxic.Toxic;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.Future;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One named proxy: a listener that relays each accepted connection to the upstream through the
 * proxy's toxics. Enabling binds the listener; disabling (Toxiproxy's "down") closes it and every
 * connection. API calls take the proxy's lock; changes to live connections are handed to each
 * connection's event loop, after anything it was already doing.
 */
final class Proxy {

    private static final long CLOSE_WAIT_SECONDS = 5;

    private final String name;
    private final EventLoopGroup group;
    private final Transport transport;
    private final Random random;
    private final List<Toxic> toxics = new ArrayList<>();
    private final Set<ProxyConnection> connections = ConcurrentHashMap.newKeySet();
    /**
     * Guards the toxics, the connections, the listener and the addresses. Event loops take it
     * (briefly, on accept); nothing waits while holding it. The proxy's own monitor orders the
     * API's start and stop, which wait for sockets, and no event loop ever takes that one.
     */
    private final Object links = new Object();
    private String listen;
    private String upstream;
    private Channel listener;

    Proxy(String name, String listen, String upstream, EventLoopGroup group, Transport transport, Random random) {
        this.name = name;
        this.listen = listen;
        this.upstream = upstream;
        this.group = group;
        this.transport = transport;
        this.random = random;
    }

    String name() {
        return name;
    }

    ProxyView view() {
        synchronized (links) {
            List<Toxic> ordered = new ArrayList<>(toxics);
            ordered.sort(Comparator.comparing(Toxic::stream)); // stable: each stream keeps its order
            return new ProxyView(name, listen, upstream, listener != null, ordered);
        }
    }

    /** Binds the listener; a proxy already enabled stays as it is. */
    synchronized void start() throws ApiError {
        if (listener != null) {
            return;
        }
        HostPort address = HostPort.parse(listen);
        ChannelFuture bound = new ServerBootstrap()
                .group(group)
                .channel(transport.serverChannel())
                .option(ChannelOption.SO_REUSEADDR, true)
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel client) {
                        ProxyConnection.configure(client);
                        accept(client);
                    }
                })
                .bind(address.host(), address.port())
                .awaitUninterruptibly();
        if (!bound.isSuccess()) {
            bound.channel().close();
            throw ApiError.internal("listen tcp " + listen + ": bind: " + bound.cause().getMessage());
        }
        synchronized (links) {
            listener = bound.channel();
            listen = HostPort.format((InetSocketAddress) listener.localAddress());
        }
    }

    /** Closes the listener and every connection; returns once they are closed. */
    synchronized void stop() {
        Channel closing;
        synchronized (links) {
            closing = listener;
            listener = null;
        }
        if (closing == null) {
            return;
        }
        closing.close().awaitUninterruptibly(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        List<ProxyConnection> open;
        synchronized (links) {
            open = new ArrayList<>(connections);
            connections.clear();
        }
        for (ProxyConnection connection : open) {
            connection.client().eventLoop().execute(connection::close);
        }
        for (ProxyConnection connection : open) {
            connection.client().closeFuture().awaitUninterruptibly(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        }
    }

    /** Toxiproxy's update: a new address restarts the proxy; {@code enabled} then applies. */
    synchronized void update(String newListen, String newUpstream, boolean enable) throws ApiError {
        boolean moved;
        synchronized (links) {
            moved = !newListen.equals(listen) || !newUpstream.equals(upstream);
        }
        if (moved) {
            stop();
            synchronized (links) {
                listen = newListen;
                upstream = newUpstream;
            }
        }
        if (enable) {
            start();
        } else {
            stop();
        }
    }

    Optional<Toxic> toxic(String toxicName) {
        synchronized (links) {
            return toxics.stream().filter(toxic -> toxic.name().equals(toxicName)).findFirst();
        }
    }

    /** Adds a toxic; returns once every open connection has it, as Toxiproxy does. */
    void addToxic(Toxic toxic) throws ApiError {
        List<Future<?>> applied;
        synchronized (links) {
            if (toxic(toxic.name()).isPresent()) {
                throw ApiError.toxicAlreadyExists();
            }
            toxics.add(toxic);
            applied = onEveryConnection(connection -> connection.addToxic(toxic));
        }
        awaitAll(applied);
    }

    Toxic updateToxic(String toxicName, Map<String, Long> attributes, float toxicity) throws ApiError {
        List<Future<?>> applied;
        Toxic updated;
        synchronized (links) {
            Toxic current = toxic(toxicName).orElseThrow(ApiError::toxicNotFound);
            updated = current.withUpdate(attributes, toxicity);
            toxics.replaceAll(toxic -> toxic == current ? updated : toxic);
            applied = onEveryConnection(connection -> connection.updateToxic(updated));
        }
        awaitAll(applied);
        return updated;
    }

    void removeToxic(String toxicName) throws ApiError {
        List<Future<?>> applied;
        synchronized (links) {
            Toxic removed = toxic(toxicName).orElseThrow(ApiError::toxicNotFound);
            toxics.remove(removed);
            applied = onEveryConnection(connection -> connection.removeToxic(removed));
        }
        awaitAll(applied);
    }

    void removeAllToxics() {
        List<Future<?>> applied = new ArrayList<>();
        synchronized (links) {
            for (Toxic toxic : List.copyOf(toxics)) {
                toxics.remove(toxic);
                applied.addAll(onEveryConnection(connection -> connection.removeToxic(toxic)));
            }
        }
        awaitAll(applied);
    }

    /** Runs on the event loop of an accepted client, before it reads anything. */
    private void accept(Channel client) {
        ProxyConnection connection;
        HostPort target;
        synchronized (links) {
            if (listener == null || !client.parent().isOpen()) {
                client.close(); // accepted just as the proxy went down
                return;
            }
            try {
                target = HostPort.parse(upstream);
            } catch (ApiError e) {
                client.close();
                return;
            }
            connection = new ProxyConnection(client, toxics, random);
            connections.add(connection);
        }
        client.closeFuture().addListener(closed -> connections.remove(connection));
        connection.open(transport, target.host(), target.port());
    }

    /**
     * Hands a change to each live connection's event loop. The caller holds {@code links}, which
     * keeps changes in order; it waits for them only after letting go, since an event loop may
     * be waiting for {@code links} to accept a connection.
     */
    private List<Future<?>> onEveryConnection(Consumer<ProxyConnection> change) {
        List<Future<?>> applied = new ArrayList<>();
        for (ProxyConnection connection : connections) {
            applied.add(connection.client().eventLoop().submit(() -> change.accept(connection)));
        }
        return applied;
    }

    private static void awaitAll(List<Future<?>> applied) {
        for (Future<?> change : applied) {
            change.awaitUninterruptibly(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        }
    }
}
