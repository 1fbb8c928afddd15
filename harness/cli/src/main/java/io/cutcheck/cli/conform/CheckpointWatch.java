package io.cutcheck.cli.conform;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Section 2, {@code /checkpoints} and {@code /health} watched over the whole kit: every node is
 * polled every {@value #POLL_MILLIS} ms, as the harness polls during a run, and each answer is
 * held against the rules for the list and its entries ({@link CheckpointEntries}) and for status
 * transitions. A status is only ever compared with earlier ones of the same node and the same
 * process (the kit's restart count, {@link KitCluster#generation}), except that a committed
 * checkpoint must stay committed everywhere and for good, and none may be committed on one node
 * and aborted on another: that is what makes the harness's "first final status" sound.
 */
final class CheckpointWatch implements AutoCloseable {

    static final long POLL_MILLIS = 200;

    private final KitCluster cluster;
    private final CheckpointEntries entries;
    private final Findings transitions = new Findings(Rules.TRANSITIONS);
    private final Findings healthStatus = new Findings(Rules.HEALTH_STATUS);
    /** node#generation → id → last status. */
    private final Map<String, Map<Long, String>> lastStatus = new ConcurrentHashMap<>();
    private final Map<Long, String> committedOn = new ConcurrentHashMap<>();
    private final Map<Long, String> abortedOn = new ConcurrentHashMap<>();
    private final Set<Long> conflicts = ConcurrentHashMap.newKeySet();
    private final Thread thread;
    private volatile boolean stopped;
    private volatile int polls;

    CheckpointWatch(KitCluster cluster) {
        this.cluster = cluster;
        this.entries = new CheckpointEntries(cluster);
        this.thread = new Thread(this::loop, "conform-watch");
        this.thread.setDaemon(true);
    }

    CheckpointWatch start() {
        thread.start();
        return this;
    }

    private void loop() {
        while (!stopped) {
            long begin = System.nanoTime();
            Parallel.each(cluster.members(), this::pollOnce);
            polls++;
            Waits.sleep(Math.max(10, POLL_MILLIS - (System.nanoTime() - begin) / 1_000_000));
        }
    }

    /** One poll of one node; an answer that straddles a restart by the kit is dropped. */
    void pollOnce(KitCluster.Member m) {
        int generation = cluster.generation(m.name());
        Http.Call health = Http.get(m.control(), "/health");
        Http.Call call = Http.get(m.control(), "/checkpoints");
        if (cluster.generation(m.name()) != generation) {
            return;
        }
        if (health.status() == 200) {
            JsonNode h = health.json();
            healthStatus.require(h != null && ControlChecks.STATUSES.contains(h.path("status").asText()),
                    m.name() + " answered /health with status " + (h == null ? "(not JSON)" : h.path("status")), health);
        }
        if (!call.answered()) {
            return;
        }
        JsonNode body = call.json();
        if (!entries.list(m, body, call)) {
            return;
        }
        long previous = 0;
        for (JsonNode e : body) {
            if (!entries.judge(m, e, call)) {
                continue;
            }
            long id = e.path("id").asLong();
            entries.ordered(m, id, previous, call);
            previous = id;
            transition(m, generation, id, e.path("status").asText(), call, e);
        }
    }

    private void transition(KitCluster.Member m, int generation, long id, String status, Http.Call call, JsonNode e) {
        String evidence = evidence(call, e);
        Map<Long, String> mine = lastStatus.computeIfAbsent(m.name() + "#" + generation, k -> new HashMap<>());
        String before;
        synchronized (mine) {
            before = mine.put(id, status);
        }
        if (before != null && !before.equals(status) && !before.equals("pending")) {
            transitions.problem(m.name() + " listed " + id + " " + before + ", then " + status, evidence);
        }
        for (int g = 0; g < generation; g++) {
            Map<Long, String> earlier = lastStatus.getOrDefault(m.name() + "#" + g, Map.of());
            synchronized (earlier) {
                if ("committed".equals(earlier.get(id)) && !status.equals("committed")) {
                    transitions.problem(m.name() + " listed " + id + " committed, then " + status
                            + " after its restart", evidence);
                }
            }
        }
        if (status.equals("committed")) {
            committedOn.putIfAbsent(id, m.name());
        } else if (status.equals("aborted")) {
            abortedOn.putIfAbsent(id, m.name());
        }
        if (committedOn.containsKey(id) && abortedOn.containsKey(id) && conflicts.add(id)) {
            transitions.problem(id + " is committed on " + committedOn.get(id) + " and aborted on " + abortedOn.get(id),
                    evidence);
        }
    }

    /** The call that listed entry {@code e}, showing that entry rather than the whole list. */
    static String evidence(Http.Call call, JsonNode e) {
        return call.method() + " " + call.uri() + " → " + call.status() + " […" + Http.clip(e.toString()) + "…]";
    }

    /** Every checkpoint id any node listed so far. */
    Set<Long> seen() {
        return entries.seen();
    }

    /** Ids the committing node lists as its own (with a reason or metadataPath). */
    Set<Long> ownByCommitter() {
        return entries.ownByCommitter();
    }

    boolean committed(long id) {
        return committedOn.containsKey(id);
    }

    /** The highest id any node listed committed, or 0. */
    long maxCommitted() {
        return committedOn.keySet().stream().mapToLong(Long::longValue).max().orElse(0);
    }

    /** Waits for one more full round of polls, so what happened until now has been seen. */
    void settle() {
        int target = polls + 2;
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (polls < target && System.nanoTime() < deadline && !stopped) {
            Waits.sleep(20);
        }
    }

    List<Outcome> outcomes() {
        String note = polls + " polls of every node";
        List<Outcome> judged = entries.outcomes(committedOn, note);
        return List.of(judged.get(0), judged.get(1),
                transitions.outcome(committedOn.size() + " committed, " + abortedOn.size() + " aborted"),
                healthStatus.outcome(note));
    }

    @Override
    public void close() {
        stopped = true;
        thread.interrupt();
        try {
            thread.join(3000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
