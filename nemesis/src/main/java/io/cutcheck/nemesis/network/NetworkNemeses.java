package io.cutcheck.nemesis.network;

import io.cutcheck.harness.nemesis.NemesisKind;
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

    public static final String FAMILY = "network";

    /**
     * Every network kind. A run puts all of its network kinds on one nemesis (one set of link
     * proxies, on the server {@code --toxiproxy} names), so {@code make} here is for one kind
     * alone, on the embedded server.
     */
    public static final List<NemesisKind> KINDS = Arrays.stream(NetworkFaultKind.values())
            .map(k -> NemesisKind.of(k.cliName(), FAMILY, k.description(),
                    () -> forKinds(List.of(k.cliName()), new ToxiproxyEndpoint.Embedded()).orElseThrow()))
            .toList();

    public static final Map<String, String> DESCRIPTIONS = KINDS.stream()
            .collect(Collectors.toMap(NemesisKind::name, NemesisKind::description, (a, b) -> a, LinkedHashMap::new));

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
