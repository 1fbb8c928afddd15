package io.cutcheck.harness.observe;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutcheck.harness.runtime.Node;
import io.cutcheck.harness.store.JsonlWriter;
import io.cutcheck.harness.store.StoreLines.ContentLine;
import io.cutcheck.harness.sut.CheckpointInfo;
import io.cutcheck.harness.sut.Reply;
import io.cutcheck.harness.sut.SutClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Polls every node's {@code GET /checkpoints}, merges what they report (a status seen by any node
 * as committed or aborted is final), writes a line to {@code checkpoints.jsonl} on every status
 * change, and fetches the content of each newly committed checkpoint from every node holding a
 * part, soon, before retention deletes it, into {@code contents.jsonl}. Nodes are asked in
 * parallel, so a paused node does not stall the others.
 */
public final class CheckpointPoller implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofMillis(1000);
    /** After this long without getting a committed checkpoint's part, stop asking for it. */
    private static final long GIVE_UP_MILLIS = 60_000;

    private final JsonlWriter checkpointsOut;
    private final JsonlWriter contentsOut;
    private final List<Node> nodes;
    private final ExecutorService pool;
    private final Thread loop;
    private final long periodMillis;
    private final TreeMap<Long, CheckpointObservation> seen = new TreeMap<>();
    private final java.util.concurrent.atomic.AtomicLong newest = new java.util.concurrent.atomic.AtomicLong();
    private final Map<Long, Map<String, JsonNode>> contents = new ConcurrentHashMap<>();
    /** Parts not fetched yet: checkpoint → nodes still to ask. */
    private final Map<Long, Set<String>> missing = new HashMap<>();
    /** Checkpoints whose part holders the committing node listed once committed: that list is final. */
    private final Set<Long> holdersFinal = new HashSet<>();
    private volatile boolean running = true;

    public CheckpointPoller(JsonlWriter checkpointsOut, JsonlWriter contentsOut, List<Node> nodes, long periodMillis) {
        this.checkpointsOut = checkpointsOut;
        this.contentsOut = contentsOut;
        this.nodes = List.copyOf(nodes);
        this.periodMillis = periodMillis;
        this.pool = Executors.newFixedThreadPool(Math.max(2, Math.min(nodes.size(), 8)), r -> {
            Thread t = new Thread(r, "cutcheck-checkpoints");
            t.setDaemon(true);
            return t;
        });
        this.loop = new Thread(this::run, "cutcheck-checkpoint-poller");
        this.loop.setDaemon(true);
        this.loop.start();
    }

    private void run() {
        while (running) {
            try {
                pollOnce();
            } catch (RuntimeException e) {
                // a bad round must not end the polling; the next round retries
            }
            try {
                Thread.sleep(periodMillis);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** One round: every node's list, merged; then every missing part of a committed checkpoint. */
    public synchronized void pollOnce() {
        List<CompletableFuture<List<CheckpointInfo>>> lists = new ArrayList<>();
        for (Node node : nodes) {
            lists.add(CompletableFuture.supplyAsync(
                    () -> new SutClient(node.controlUri(), TIMEOUT).checkpoints().result().orElse(List.of()), pool));
        }
        long now = System.currentTimeMillis();
        for (CompletableFuture<List<CheckpointInfo>> f : lists) {
            for (CheckpointInfo info : f.join()) {
                merge(info, now);
            }
        }
        fetchMissingContents(now);
    }

    private void merge(CheckpointInfo info, long now) {
        CheckpointObservation old = seen.get(info.id());
        String status = old == null ? info.status() : stronger(old.status(), info.status());
        CheckpointObservation next = new CheckpointObservation(info.id(),
                first(old == null ? null : old.reason(), info.reason()), status,
                first(old == null ? null : old.triggeredAt(), info.triggeredAt()),
                first(old == null ? null : old.acksCompleteAt(), info.acksCompleteAt()),
                earliest(old == null ? null : old.committedAt(), info.committedAt()),
                earliest(old == null ? null : old.abortedAt(), info.abortedAt()),
                first(old == null ? null : old.sizeBytes(), info.sizeBytes()),
                holders(info, old),
                old == null ? now : old.firstSeenAt(),
                old != null && old.committedSeenAt() != null ? old.committedSeenAt()
                        : "committed".equals(status) ? now : null,
                old != null && old.abortedSeenAt() != null ? old.abortedSeenAt()
                        : "aborted".equals(status) ? now : null);
        if (!next.equals(old)) {
            seen.put(info.id(), next);
            newest.accumulateAndGet(info.id(), Math::max);
            if (old == null || !old.status().equals(next.status()) || !old.nodes().equals(next.nodes())) {
                checkpointsOut.write(next);
            }
            boolean holdersChanged = old != null && !old.nodes().equals(next.nodes());
            if (next.committed() && (old == null || !old.committed() || holdersChanged)) {
                // a system that does not say which nodes hold parts is asked on every node (404 = none)
                Set<String> holders = ConcurrentHashMap.newKeySet();
                holders.addAll(next.nodes().isEmpty() ? nodes.stream().map(Node::name).toList() : next.nodes());
                holders.removeAll(contents.getOrDefault(info.id(), Map.of()).keySet());
                missing.put(info.id(), holders);
            }
        }
    }

    /**
     * The nodes holding parts of a checkpoint. Once the committing node (the one that knows where
     * the metadata is) reports it committed, its list is the checkpoint: a part some other node
     * wrote but the metadata does not name is not restored, so it is not part of the cut. Before
     * that, the longest list any node gave (a pending checkpoint is expected everywhere).
     */
    private List<String> holders(CheckpointInfo info, CheckpointObservation old) {
        boolean fromCommitter = info.metadataPath() != null && "committed".equals(info.status());
        if (fromCommitter && !info.nodes().isEmpty()) {
            holdersFinal.add(info.id());
            return info.nodes();
        }
        if (old == null) {
            return info.nodes();
        }
        if (holdersFinal.contains(info.id())) {
            return old.nodes();
        }
        return old.nodes().size() < info.nodes().size() ? info.nodes() : old.nodes();
    }

    private void fetchMissingContents(long now) {
        Map<String, Node> byName = new HashMap<>();
        nodes.forEach(n -> byName.put(n.name(), n));
        List<CompletableFuture<Void>> fetches = new ArrayList<>();
        for (var entry : new ArrayList<>(missing.entrySet())) {
            long id = entry.getKey();
            CheckpointObservation cp = seen.get(id);
            if (cp.committedSeenAt() != null && now - cp.committedSeenAt() > GIVE_UP_MILLIS) {
                missing.remove(id);
                continue;
            }
            for (String name : List.copyOf(entry.getValue())) {
                Node node = byName.get(name);
                if (node == null) {
                    entry.getValue().remove(name);
                    continue;
                }
                fetches.add(CompletableFuture.runAsync(() -> fetch(id, node, entry.getValue()), pool));
            }
        }
        fetches.forEach(CompletableFuture::join);
        missing.values().removeIf(Set::isEmpty);
    }

    private void fetch(long id, Node node, Set<String> stillMissing) {
        Reply<JsonNode> reply = new SutClient(node.controlUri(), TIMEOUT).content(id);
        if (reply instanceof Reply.Ok<JsonNode> ok) {
            contents.computeIfAbsent(id, k -> new ConcurrentHashMap<>()).put(node.name(), ok.value());
            contentsOut.write(new ContentLine(id, node.name(), ok.value(), System.currentTimeMillis()));
            stillMissing.remove(node.name());
        } else if (reply instanceof Reply.Failed<JsonNode> failed && failed.status() == 404) {
            // retention already deleted it, or the node holds no part after all
            stillMissing.remove(node.name());
        }
    }

    /**
     * The highest checkpoint id seen on any node so far, in any status; 0 before the first. Read
     * without the poller's lock, which a poll holds while nodes answer: the nemesis asks before
     * every fault and must not wait on a node that is down.
     */
    public long newestId() {
        return newest.get();
    }

    public synchronized long committedCount() {
        return seen.values().stream().filter(CheckpointObservation::committed).count();
    }

    public synchronized Optional<CheckpointObservation> checkpoint(long id) {
        return Optional.ofNullable(seen.get(id));
    }

    /** The parts fetched so far of checkpoint {@code id}, by node, from the nodes it names. */
    public synchronized Map<String, JsonNode> contents(long id) {
        Map<String, JsonNode> parts = new HashMap<>(contents.getOrDefault(id, Map.of()));
        CheckpointObservation cp = seen.get(id);
        if (cp != null) {
            parts.keySet().removeIf(node -> !cp.names(node));
        }
        return Map.copyOf(parts);
    }

    /** Whether every part of committed checkpoint {@code id} was fetched (or is known gone). */
    public synchronized boolean contentsComplete(long id) {
        return seen.containsKey(id) && seen.get(id).committed() && !missing.containsKey(id);
    }

    private static String stronger(String a, String b) {
        return rank(b) > rank(a) ? b : a;
    }

    private static int rank(String status) {
        return switch (status == null ? "" : status) {
            case "committed", "aborted" -> 2;
            case "pending" -> 1;
            default -> 0;
        };
    }

    /** Each node's time is an upper bound of the moment (a peer may learn of a commit later). */
    private static Long earliest(Long a, Long b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : Math.min(a, b);
    }

    private static <T> T first(T a, T b) {
        return a != null ? a : b;
    }

    @Override
    public void close() {
        running = false;
        loop.interrupt();
        try {
            loop.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pool.shutdownNow();
    }
}
