package io.cutcheck.nemesis.network;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The network faults by kind, with one sentence each, for the CLI's registry and help. */
public final class NetworkNemeses {

    private NetworkNemeses() {
    }

    public static final Map<String, String> DESCRIPTIONS = Arrays.stream(NetworkFaultKind.values())
            .collect(Collectors.toMap(NetworkFaultKind::cliName, NetworkFaultKind::description, (a, b) -> a,
                    LinkedHashMap::new));

    public static boolean isNetworkKind(String kind) {
        return NetworkFaultKind.byCliName(kind).isPresent();
    }

    /**
     * One nemesis for all the network kinds among {@code kinds} (so the run has one set of link
     * proxies), on the given server; empty when none of them is a network kind.
     */
    public static Optional<NetworkNemesis> forKinds(List<String> kinds, ToxiproxyEndpoint endpoint) {
        Set<NetworkFaultKind> network = new LinkedHashSet<>();
        kinds.forEach(k -> NetworkFaultKind.byCliName(k).ifPresent(network::add));
        return network.isEmpty() ? Optional.empty() : Optional.of(new NetworkNemesis(network, endpoint));
    }

    /** Reads {@code --toxiproxy}: an external server's URL, or the embedded server when absent. */
    public static ToxiproxyEndpoint endpoint(String url) {
        return url == null || url.isBlank() ? new ToxiproxyEndpoint.Embedded() : ToxiproxyEndpoint.parse(url.trim());
    }
}
