package io.cutcheck.nemesis.network;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.model.Toxic;
import io.cutcheck.harness.nemesis.Fault;
import io.cutcheck.harness.nemesis.FaultContext;
import io.cutcheck.harness.nemesis.Fixture;
import io.cutcheck.harness.nemesis.FixtureSite;
import io.cutcheck.harness.nemesis.Nemesis;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Partitions and link faults through per-link proxies ({@link LinkProxies}). One instance serves
 * every network kind of a run, so the run has one proxy per link whatever the mix of kinds.
 * Injecting places the fault's toxics (see {@link NetworkPlanner}); healing removes exactly them;
 * {@link #healAll} strips every toxic from every proxy of the run and re-enables any disabled
 * one. Each change is written to {@code fixture/network.jsonl}.
 */
public final class NetworkNemesis implements Nemesis {

    private final Set<NetworkFaultKind> kinds;
    private final ToxiproxyEndpoint endpoint;
    private final Map<Integer, List<Toxic>> placed = new LinkedHashMap<>();
    private LinkProxies proxies;

    public NetworkNemesis(Set<NetworkFaultKind> kinds, ToxiproxyEndpoint endpoint) {
        if (kinds.isEmpty()) {
            throw new IllegalArgumentException("a network nemesis needs at least one kind");
        }
        this.kinds = Set.copyOf(kinds);
        this.endpoint = endpoint;
    }

    @Override
    public Set<String> kinds() {
        Set<String> names = new LinkedHashSet<>();
        for (NetworkFaultKind kind : NetworkFaultKind.values()) {
            if (kinds.contains(kind)) {
                names.add(kind.cliName());
            }
        }
        return names;
    }

    @Override
    public synchronized Fixture prepare(FixtureSite site) throws IOException {
        if (proxies != null) {
            throw new IllegalStateException("the network nemesis is already prepared for a run");
        }
        proxies = LinkProxies.open(endpoint, site);
        return proxies;
    }

    @Override
    public synchronized void inject(Fault fault, FaultContext context) throws IOException {
        NetworkFaultKind kind = NetworkFaultKind.byCliName(fault.kind()).filter(kinds::contains)
                .orElseThrow(() -> new IllegalArgumentException("not a network fault of this run: " + fault.kind()));
        LinkProxies links = prepared();
        NetworkPlan plan = NetworkPlanner.plan(kind, fault, links.nodes(), links.names());
        List<Toxic> toxics = placed.computeIfAbsent(fault.id(), id -> new ArrayList<>());
        links.log().write("inject", line -> {
            line.put("fault", fault.id()).put("kind", plan.kind());
            if (plan.shape() != null) {
                line.put("shape", plan.shape());
            }
            plan.links().forEach(l -> line.withArray("links").add(l.toString()));
            plan.placements().forEach(p -> line.withArray("toxics").addObject().put("proxy", p.proxy())
                    .put("stream", p.stream()).put("name", p.toxicName()).put("type", p.toxic().type()));
        });
        for (Placement placement : plan.placements()) {
            if (links.handle(placement.proxy()).isEmpty()) {
                throw new IllegalStateException("no proxy " + placement.proxy() + " in this run");
            }
        }
        ApiCalls.each(plan.placements(), p -> ToxicPlacer.place(links.handle(p.proxy()).orElseThrow(), p), toxics::addAll);
        links.log().write("in-effect", line -> line.put("fault", fault.id()).put("placed", toxics.size()));
    }

    @Override
    public synchronized void heal(Fault fault, FaultContext context) throws IOException {
        List<Toxic> toxics = placed.remove(fault.id());
        if (toxics == null) {
            return;
        }
        try {
            ApiCalls.each(toxics, toxic -> {
                toxic.remove();
                return toxic;
            }, removed -> {});
        } finally {
            prepared().log().write("heal", line -> line.put("fault", fault.id()).put("removed", toxics.size()));
        }
    }

    /** Strips every toxic off every proxy of this run and enables any that is disabled: idempotent. */
    @Override
    public synchronized void healAll(FaultContext context) throws IOException {
        placed.clear();
        if (proxies == null) {
            return;
        }
        AtomicInteger removed = new AtomicInteger();
        try {
            ApiCalls.each(proxies.proxies(), link -> {
                Proxy proxy = proxies.client().getProxy(link.name());
                for (Toxic toxic : proxy.toxics().getAll()) {
                    toxic.remove();
                    removed.incrementAndGet();
                }
                if (!proxy.isEnabled()) {
                    proxy.enable();
                }
                return link;
            }, done -> {});
        } finally {
            proxies.log().write("heal-all", line -> line.put("removed", removed.get()));
        }
    }

    private LinkProxies prepared() {
        if (proxies == null) {
            throw new IllegalStateException("the network nemesis has no proxies: prepare was not called");
        }
        return proxies;
    }
}
