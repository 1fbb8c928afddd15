package io.cutcheck.harness.runtime.docker;

import io.cutcheck.harness.nemesis.Fault;
import io.cutcheck.harness.nemesis.FaultContext;
import io.cutcheck.harness.nemesis.Fixture;
import io.cutcheck.harness.nemesis.FixtureSite;
import io.cutcheck.harness.nemesis.Nemesis;
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
        List<Node> all = context.nodes();
        List<Node> cutOff = all.stream().filter(n -> fault.targets().contains(n.name())).toList();
        if (cutOff.size() != fault.targets().size()) {
            throw new IllegalArgumentException("fault " + fault.id() + " targets unknown nodes: " + fault.targets());
        }
        List<Node> rest = all.stream().filter(n -> !cutOff.contains(n)).toList();
        Map<Node, List<Node>> cuts = new LinkedHashMap<>();
        for (Node node : all) {
            // each node drops the other side; with every node targeted, each is a side of its own
            cuts.put(node, rest.isEmpty() ? all.stream().filter(n -> n != node).toList()
                    : cutOff.contains(node) ? rest : cutOff);
        }
        Uninterrupted.runIo(() -> firewall.drop(cuts));
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
