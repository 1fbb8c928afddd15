package io.cutcheck.harness.runtime.docker;

import io.cutcheck.harness.runtime.Node;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Cuts links between containers with iptables rules in a container's own network namespace,
 * entered from the host with nsenter (so the image needs no iptables and no extra capability).
 * Which nodes to cut off is the caller's choice; this class only applies and lifts the cut.
 *
 * <p>Rules: {@link #drop} makes {@code node} discard every packet from each peer, which breaks
 * TCP both ways (replies are packets too); the harness's own traffic to the node, which comes
 * from the network's gateway, passes. A restarted container gets a fresh namespace and so loses
 * its rules. Needs root on the Docker host (nsenter, iptables).
 */
public final class ContainerFirewall {

    private static final String CHAIN = "CUTCHECK";
    /** Creates the chain and hooks it into INPUT once, whatever ran before in this namespace. */
    private static final String ENSURE_CHAIN = "iptables -w -N " + CHAIN + " 2>/dev/null; iptables -w -C INPUT -j " + CHAIN
            + " 2>/dev/null || iptables -w -I INPUT -j " + CHAIN;

    /** Makes {@code node} drop all packets from {@code peers}, adding to any cut already in place. */
    public void drop(Node node, Collection<? extends Node> peers) throws IOException {
        drop(Map.of(node, List.copyOf(peers)));
    }

    /**
     * Applies several cuts at once, each node dropping packets from its listed peers: every
     * address is read once and each node's rules go in with one command, so a cut of a whole
     * cluster lands within a few tens of milliseconds rather than one iptables call per rule.
     */
    public void drop(Map<? extends Node, ? extends Collection<? extends Node>> cuts) throws IOException {
        Map<Node, String> addresses = new HashMap<>();
        for (Collection<? extends Node> peers : cuts.values()) {
            for (Node peer : peers) {
                if (!addresses.containsKey(peer)) {
                    String ip = container(peer).ipAddress();
                    if (ip == null || ip.isEmpty()) {
                        throw new IOException(peer.name() + " has no address on the run's network (is it running?)");
                    }
                    addresses.put(peer, ip);
                }
            }
        }
        for (var cut : cuts.entrySet()) {
            StringBuilder script = new StringBuilder(ENSURE_CHAIN);
            for (Node peer : cut.getValue()) {
                script.append(" && iptables -w -A ").append(CHAIN).append(" -s ").append(addresses.get(peer)).append(" -j DROP");
            }
            inNamespace(container(cut.getKey()), script.toString());
        }
    }

    /** Lifts every cut on {@code node}. */
    public void heal(Node node) throws IOException {
        ContainerNode target = container(node);
        if (target.hostPid() == 0) {
            return; // stopped: its namespace, rules included, is gone
        }
        inNamespace(target, "! iptables -w -n -L " + CHAIN + " >/dev/null 2>&1 || iptables -w -F " + CHAIN);
    }

    /** Runs a shell script of iptables commands inside the container's network namespace. */
    private static void inNamespace(ContainerNode target, String script) throws IOException {
        long pid = target.hostPid();
        if (pid == 0) {
            throw new IOException(target.name() + " is not running");
        }
        List<String> command = List.of("nsenter", "-t", Long.toString(pid), "-n", "sh", "-c", script);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("iptables did not finish within 10 s in the namespace of " + target.name());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
        if (process.exitValue() == 0) {
            return;
        }
        String first = output.strip().lines().findFirst().orElse("exit " + process.exitValue());
        if (output.contains("ermission denied") || output.contains("Operation not permitted")) {
            throw new IOException("cutting links needs root on the Docker host (nsenter, iptables): " + first);
        }
        throw new IOException("iptables failed in the namespace of " + target.name() + ": " + first);
    }

    private static ContainerNode container(Node node) {
        if (node instanceof ContainerNode container) {
            return container;
        }
        throw new IllegalArgumentException(node.name() + " is not a node of the Docker runtime");
    }
}
