package io.cutcheck.nemesis.proxy;

import io.netty.channel.EventLoopGroup;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/** The server's proxies by name, with the collection-level operations of Toxiproxy's API. */
final class ProxyRegistry {

    /** What a create or populate asks for. */
    record ProxySpec(String name, String listen, String upstream, boolean enabled) {
    }

    /** A populate that failed part-way: the error, and the proxies applied before it. */
    static final class PopulateFailure extends Exception {
        final ApiError error;
        final List<Proxy> applied;

        PopulateFailure(ApiError error, List<Proxy> applied) {
            super(error.getMessage(), null, false, false);
            this.error = error;
            this.applied = List.copyOf(applied);
        }
    }

    private final Map<String, Proxy> proxies = new LinkedHashMap<>();
    private final EventLoopGroup group;
    private final Transport transport;
    private final Random random;

    ProxyRegistry(EventLoopGroup group, Transport transport, Random random) {
        this.group = group;
        this.transport = transport;
        this.random = random;
    }

    synchronized List<Proxy> all() {
        return List.copyOf(proxies.values());
    }

    synchronized Proxy get(String name) throws ApiError {
        Proxy proxy = proxies.get(name);
        if (proxy == null) {
            throw ApiError.proxyNotFound();
        }
        return proxy;
    }

    synchronized Proxy create(ProxySpec spec) throws ApiError {
        if (proxies.containsKey(spec.name())) {
            throw ApiError.proxyAlreadyExists();
        }
        Proxy proxy = newProxy(spec);
        proxies.put(spec.name(), proxy);
        return proxy;
    }

    synchronized void delete(String name) throws ApiError {
        get(name).stop();
        proxies.remove(name);
    }

    /**
     * Creates or replaces each proxy in order, after checking them all. A proxy whose listen and
     * upstream are unchanged is kept as it is, toxics and connections included.
     */
    synchronized List<Proxy> populate(List<ProxySpec> specs) throws PopulateFailure {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < specs.size(); i++) {
            ProxySpec spec = specs.get(i);
            if (spec.name().isEmpty()) {
                throw new PopulateFailure(ApiError.missingField("name at proxy " + (i + 1)), List.of());
            }
            if (spec.upstream().isEmpty()) {
                throw new PopulateFailure(ApiError.missingField("upstream at proxy " + (i + 1)), List.of());
            }
            if (!names.add(spec.name())) {
                throw new PopulateFailure(ApiError.internal("duplicate proxy name \"" + spec.name() + "\""), List.of());
            }
        }
        List<Proxy> applied = new ArrayList<>();
        for (ProxySpec spec : specs) {
            Proxy existing = proxies.get(spec.name());
            if (existing != null) {
                ProxyView view = existing.view();
                if (view.listen().equals(spec.listen()) && view.upstream().equals(spec.upstream())) {
                    applied.add(existing);
                    continue;
                }
                existing.stop();
                proxies.remove(spec.name());
            }
            try {
                Proxy proxy = newProxy(spec);
                proxies.put(spec.name(), proxy);
                applied.add(proxy);
            } catch (ApiError e) {
                throw new PopulateFailure(e, applied);
            }
        }
        return applied;
    }

    /** Enables every proxy and removes every toxic. */
    synchronized void reset() throws ApiError {
        for (Proxy proxy : proxies.values()) {
            proxy.start();
            proxy.removeAllToxics();
        }
    }

    /** Stops every proxy: listeners and connections closed. */
    synchronized void stopAll() {
        proxies.values().forEach(Proxy::stop);
    }

    private Proxy newProxy(ProxySpec spec) throws ApiError {
        Proxy proxy = new Proxy(spec.name(), spec.listen(), spec.upstream(), group, transport, random);
        if (spec.enabled()) {
            proxy.start();
        }
        return proxy;
    }
}
