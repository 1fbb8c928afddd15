package io.cutcheck.harness.runtime.docker;

import io.cutcheck.harness.nemesis.Fault;
import io.cutcheck.harness.nemesis.FaultContext;
import io.cutcheck.harness.nemesis.Fixture;
import io.cutcheck.harness.nemesis.FixtureSite;
import io.cutcheck.harness.nemesis.Nemesis;
import io.cutcheck.harness.nemesis.NemesisKind;
import io.cutcheck.harness.runtime.Node;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code iptables-partition}: cuts the target nodes off from all the other nodes, both ways, with
 * iptables rules in the containers' network namespaces ({@link ContainerFirewall}); when the
 * fault heals, the rules go. No proxy sits in the path, so established connections stall as in a
 * real partition instead of being closed. When the targets are every node, each node is cut off
 * from every other. The harness's own traffic (control API, input log, output store) passes.
 *
 * <p>Only nodes in containers of the Docker runtime can be cut this way, and entering their
 * namespaces needs root: both are checked in {@link #prepare}, before any node starts. Links
 * that run through proxies on the host (the proxy {@code partition}) carry no peer addresses
 * and are not cut by these rules.
 */
public final class IptablesPartitionNemesis implements Nemesis {

    public static final String KIND = "iptables-partition";
    public static final String DESCRIPTION =
            "cut nodes off from the others with iptables in their containers (--runtime docker only)";
    /** The runtime this kind works on, for entry points that check a test before it starts. */
    public static final String RUNTIME = "docker";

    /** Its own family: the self-check runs the correct systems under it on Docker only. */
    public static final NemesisKind ENTRY = new NemesisKind(KIND, KIND, DESCRIPTION, RUNTIME,
            IptablesPartitionNemesis::new);

    private final ContainerFirewall firewall = new ContainerFirewall();

    @Override
    public Set<String> kinds() {
        return Set.of(KIND);
    }

    @Override
    public Fixture prepare(FixtureSite site) {
        if (!(site.runtime() instanceof DockerRuntime)) {
            throw new IllegalArgumentException(KIND + " needs --runtime " + RUNTIME + " (it cuts links inside containers), not "
                    + site.runtime().name());
        }
        if (!runsAsRoot()) {
            throw new IllegalStateException(KIND + " needs root on the Docker host (nsenter and iptables into containers)");
        }
        return Fixture.NONE;
    }

    @Override
    public synchronized void inject(Fault fault, FaultContext context) throws IOException {
        Map<String, Node> byName = new LinkedHashMap<>();
        context.nodes().forEach(n -> byName.put(n.name(), n));
        Map<Node, List<Node>> cuts = new LinkedHashMap<>();
        cuts(List.copyOf(byName.keySet()), fault.targets()).forEach((node, peers) ->
                cuts.put(byName.get(node), peers.stream().map(byName::get).toList()));
        Uninterrupted.runIo(() -> firewall.drop(cuts));
    }

    /**
     * Which peers each node drops, by name: the targets drop everyone else and everyone else
     * drops the targets; with every node targeted, each node is a side of its own.
     */
    static Map<String, List<String>> cuts(List<String> nodes, List<String> targets) {
        if (!nodes.containsAll(targets)) {
            throw new IllegalArgumentException("targets " + targets + " are not all among the nodes " + nodes);
        }
        List<String> rest = nodes.stream().filter(n -> !targets.contains(n)).toList();
        Map<String, List<String>> cuts = new LinkedHashMap<>();
        for (String node : nodes) {
            cuts.put(node, rest.isEmpty() ? nodes.stream().filter(n -> !n.equals(node)).toList()
                    : targets.contains(node) ? rest : List.copyOf(targets));
        }
        return cuts;
    }

    /** Lifts every cut: faults never overlap, so whatever rules exist belong to this one. */
    @Override
    public synchronized void heal(Fault fault, FaultContext context) throws IOException {
        healAll(context);
    }

    @Override
    public synchronized void healAll(FaultContext context) throws IOException {
        List<Node> nodes = context.nodes();
        Uninterrupted.runIo(() -> {
            IOException first = null;
            for (Node node : nodes) {
                try {
                    firewall.heal(node);
                } catch (IOException e) {
                    first = first == null ? e : first;
                }
            }
            if (first != null) {
                throw first;
            }
        });
    }

    private static boolean runsAsRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
