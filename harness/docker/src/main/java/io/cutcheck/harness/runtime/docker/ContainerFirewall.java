package io.cutcheck.harness.runtime.docker;

import io.cutcheck.harness.runtime.Node;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
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

    /** Makes {@code node} drop all packets from {@code peers}, adding to any cut already in place. */
    public void drop(Node node, Collection<? extends Node> peers) throws IOException {
        ContainerNode target = container(node);
        ensureChain(target);
        for (Node peer : peers) {
            String ip = container(peer).ipAddress();
            if (ip == null || ip.isEmpty()) {
                throw new IOException(peer.name() + " has no address on the run's network (is it running?)");
            }
            iptables(target, List.of("-A", CHAIN, "-s", ip, "-j", "DROP"));
        }
    }

    /** Lifts every cut on {@code node}. */
    public void heal(Node node) throws IOException {
        ContainerNode target = container(node);
        if (target.hostPid() == 0) {
            return; // stopped: its namespace, rules included, is gone
        }
        if (hasChain(target)) {
            iptables(target, List.of("-F", CHAIN));
        }
    }

    private void ensureChain(ContainerNode target) throws IOException {
        if (!hasChain(target)) {
            iptables(target, List.of("-N", CHAIN));
            iptables(target, List.of("-I", "INPUT", "-j", CHAIN));
        }
    }

    private boolean hasChain(ContainerNode target) throws IOException {
        return run(target, List.of("-n", "-L", CHAIN)) == 0;
    }

    private void iptables(ContainerNode target, List<String> rule) throws IOException {
        if (run(target, rule) != 0) {
            throw new IOException("iptables " + String.join(" ", rule) + " failed in the namespace of " + target.name());
        }
    }

    private static int run(ContainerNode target, List<String> rule) throws IOException {
        long pid = target.hostPid();
        if (pid == 0) {
            throw new IOException(target.name() + " is not running");
        }
        List<String> command = new ArrayList<>(List.of("nsenter", "-t", Long.toString(pid), "-n", "iptables", "-w"));
        command.addAll(rule);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("iptables did not finish within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
        if (process.exitValue() != 0 && output.contains("ermission denied")) {
            throw new IOException("cutting links needs root on the Docker host (nsenter, iptables): " + output.strip().lines().findFirst().orElse(""));
        }
        return process.exitValue();
    }

    private static ContainerNode container(Node node) {
        if (node instanceof ContainerNode container) {
            return container;
        }
        throw new IllegalArgumentException(node.name() + " is not a node of the Docker runtime");
    }
}
