package io.cutcheck.nemesis.partition;

import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.BinaryOperator;

/**
 * Where a cut lands when every node-to-node connection runs through a proxy: still a pure
 * function, the step between which links to cut and applying it. Data on the directed link
 * {@code a->b} flows upstream in the proxy that carries connections {@code a} opens to
 * {@code b}, and downstream in the proxy that carries connections {@code b} opens to {@code a};
 * cutting the link means putting a toxic on both.
 */
public final class CutRoutes {

    /** One stream of one proxy: {@code upstream} (client to server) or {@code downstream}. */
    public record ProxyStream(String proxy, String stream) implements Comparable<ProxyStream> {

        public ProxyStream {
            Objects.requireNonNull(proxy, "proxy");
            if (!stream.equals("upstream") && !stream.equals("downstream")) {
                throw new IllegalArgumentException("stream is upstream or downstream, not " + stream);
            }
        }

        @Override
        public int compareTo(ProxyStream other) {
            int byProxy = proxy.compareTo(other.proxy);
            return byProxy != 0 ? byProxy : stream.compareTo(other.stream);
        }
    }

    private CutRoutes() {
    }

    /**
     * The proxy streams that carry the cut links' data.
     *
     * @param proxyName the proxy carrying connections opened by a client node to a server node,
     *     e.g. {@code (client, server) -> client + "->" + server}
     */
    public static SortedSet<ProxyStream> streams(Set<Link> cut, BinaryOperator<String> proxyName) {
        SortedSet<ProxyStream> streams = new TreeSet<>();
        for (Link link : cut) {
            streams.add(new ProxyStream(proxyName.apply(link.from(), link.to()), "upstream"));
            streams.add(new ProxyStream(proxyName.apply(link.to(), link.from()), "downstream"));
        }
        return Collections.unmodifiableSortedSet(streams);
    }
}
