package io.cutcheck.nemesis.network;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import io.cutcheck.harness.nemesis.Fixture;
import io.cutcheck.harness.nemesis.FixtureSite;
import io.cutcheck.harness.runtime.NodeAddress;
import io.cutcheck.harness.runtime.Runtime;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A proxy on every directed link and port: connections {@code a} opens to {@code b}'s control
 * port go through one proxy, to its data port through another, and {@code b}'s connections to
 * {@code a} through two more. Each node's configuration names its peers at their proxies, so a
 * fault can silence, slow or break one direction of one link. The proxies are made through the
 * official Toxiproxy client, on the embedded server or an external one.
 *
 * <p>The harness's own connections (health, triggers, events) and the services (input log,
 * output store) are not proxied: they are outside the fault domain.
 */
public final class LinkProxies implements Fixture {

    private final ToxiproxyConnection server;
    private final Runtime runtime;
    private final ProxyNames names;
    private final NetworkLog log;
    private final boolean removeOnClose;
    private final Map<String, LinkProxy> byName = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, Proxy> handles = Collections.synchronizedMap(new LinkedHashMap<>());
    private final List<String> nodes = new ArrayList<>();
    private boolean closed;

    private LinkProxies(ToxiproxyConnection server, Runtime runtime, ProxyNames names, NetworkLog log,
                        boolean removeOnClose) {
        this.server = server;
        this.runtime = runtime;
        this.names = names;
        this.log = log;
        this.removeOnClose = removeOnClose;
    }

    /** Opens the server (starting the embedded one) for a run; no proxy exists until nodes are configured. */
    public static LinkProxies open(ToxiproxyEndpoint endpoint, FixtureSite site) throws IOException {
        ToxiproxyConnection server = endpoint.open(site.runtime());
        NetworkLog log = new NetworkLog(site.dir().resolve("network.jsonl"));
        LinkProxies proxies = new LinkProxies(server, site.runtime(), ProxyNames.forThisRun(), log,
                endpoint instanceof ToxiproxyEndpoint.External);
        log.write("server", line -> line.put("description", server.description()));
        try {
            proxies.warmUp();
        } catch (IOException | RuntimeException e) {
            proxies.close();
            throw e;
        }
        return proxies;
    }

    /**
     * One throwaway proxy with a toxic, made and removed: the client's first calls load and
     * compile its code, and would otherwise delay the run's first fault by a second or more.
     */
    private void warmUp() throws IOException {
        Proxy probe = server.client().createProxy(names.prefix() + ".warm-up", server.listenHost() + ":0",
                server.listenHost() + ":9");
        try {
            probe.toxics().latency("warm-up", eu.rekawek.toxiproxy.model.ToxicDirection.UPSTREAM, 1).setJitter(1).remove();
            probe.toxics().getAll();
        } finally {
            probe.delete();
        }
    }

    /**
     * Makes the proxies {@code node} dials its peers through (one per peer and port) and returns
     * the peers at the proxies' addresses; {@code node}'s own entry is left as given.
     */
    @Override
    public synchronized Map<String, NodeAddress> peersSeenBy(String node, Map<String, NodeAddress> addresses)
            throws IOException {
        if (closed) {
            throw new IllegalStateException("the link proxies are closed");
        }
        if (!nodes.contains(node)) {
            nodes.add(node);
        }
        record Wanted(String peer, PortKind port, NodeAddress target) {}
        List<Wanted> wanted = new ArrayList<>();
        addresses.forEach((peer, target) -> {
            if (!peer.equals(node)) {
                wanted.add(new Wanted(peer, PortKind.CONTROL, target));
                wanted.add(new Wanted(peer, PortKind.DATA, target));
            }
        });
        // all at once: the nodes' reserved ports wait unbound until every node is configured
        List<LinkProxy> made = ApiCalls.each(wanted, w -> create(node, w.peer(), w.port(), w.target()), done -> {});
        Map<String, NodeAddress> seen = new LinkedHashMap<>();
        addresses.forEach((peer, target) -> {
            if (peer.equals(node)) {
                seen.put(peer, target);
                return;
            }
            int control = find(made, peer, PortKind.CONTROL).listenPort();
            int data = find(made, peer, PortKind.DATA).listenPort();
            seen.put(peer, new NodeAddress(target.node(), target.bindHost(), control, data, server.dialHost()));
        });
        return seen;
    }

    private static LinkProxy find(List<LinkProxy> made, String target, PortKind port) {
        return made.stream().filter(l -> l.target().equals(target) && l.port() == port).findFirst().orElseThrow();
    }

    private LinkProxy create(String dialer, String target, PortKind port, NodeAddress address) throws IOException {
        String name = names.name(dialer, target, port);
        InetSocketAddress reach = runtime.reachFromHarness(address, port.of(address));
        String upstream = reach.getHostString() + ":" + reach.getPort();
        Proxy proxy = server.client().createProxy(name, server.listenHost() + ":0", upstream);
        LinkProxy link = new LinkProxy(dialer, target, port, name, proxy.getListen(), upstream);
        byName.put(name, link); // from the threads of ApiCalls: both maps are synchronized
        handles.put(name, proxy);
        log.write("proxy", line -> line.put("name", name).put("dialer", dialer).put("target", target)
                .put("port", port.wireName()).put("listen", link.listen()).put("upstream", upstream));
        return link;
    }

    /** The nodes configured so far, in the order the run configured them. */
    public synchronized List<String> nodes() {
        return List.copyOf(nodes);
    }

    public List<LinkProxy> proxies() {
        synchronized (byName) {
            return List.copyOf(byName.values());
        }
    }

    public ProxyNames names() {
        return names;
    }

    /** The client's handle of a proxy this fixture made. */
    Optional<Proxy> handle(String name) {
        return Optional.ofNullable(handles.get(name));
    }

    ToxiproxyClient client() {
        return server.client();
    }

    NetworkLog log() {
        return log;
    }

    /**
     * Takes every proxy away: an embedded server stops with all its proxies and connections; on
     * an external one, this run's proxies are deleted one by one, leaving others' alone.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (removeOnClose) {
                for (Proxy proxy : List.copyOf(handles.values())) {
                    try {
                        proxy.delete();
                    } catch (IOException | RuntimeException e) {
                        // already gone, or the server is down: nothing of ours is left to remove
                    }
                }
            }
        } finally {
            server.close();
        }
    }
}
