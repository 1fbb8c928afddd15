package io.cutcheck.cli.conform;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Section 3, recovery without a human: the kit kills nodes with SIGKILL and starts them again
 * with the same file, as the kill nemesis does, then waits (at most {@value #RUNNING_SECONDS} s)
 * for every node to be running again. Each killed node must report the restore the harness's
 * checkers read: {@code restore-started} then {@code restored} in its new incarnation, and
 * {@code restoredFrom} in {@code /health}, a committed checkpoint no older than the newest one
 * committed before the kill (an empty restore after a commit is a lost commit). The new
 * incarnation must show in {@code /health} and {@code /events}, whose seq starts again at 0.
 */
final class RestoreChecks {

    static final long RUNNING_SECONDS = 60;

    /** What the kit saw of one killed node once it was back. */
    record Back(String incarnation, Http.Call health, Http.Call events) {}

    private final KitCluster cluster;
    private final CheckpointWatch watch;
    private final Waits waits;
    private final Findings restart = new Findings(Rules.EVENTS_RESTART);
    private final List<String> restarted = new ArrayList<>();

    RestoreChecks(KitCluster cluster, CheckpointWatch watch, Waits waits) {
        this.cluster = cluster;
        this.watch = watch;
        this.waits = waits;
    }

    /** One node of each role but the committing node's (when it has others): killed together. */
    List<KitCluster.Member> othersOfEachRole() {
        Map<String, KitCluster.Member> byRole = new LinkedHashMap<>();
        for (KitCluster.Member m : cluster.members()) {
            if (!m.committer()) {
                byRole.putIfAbsent(m.role(), m);
            }
        }
        return List.copyOf(byRole.values());
    }

    /** Kills {@code targets} at once, restarts them and judges each one's restore; one outcome per target. */
    List<Outcome> episode(List<KitCluster.Member> targets) {
        Map<String, String> before = new LinkedHashMap<>();
        for (KitCluster.Member m : targets) {
            JsonNode h = Http.get(m.control(), "/health").json();
            before.put(m.name(), h == null ? "?" : h.path("incarnation").asText("?"));
        }
        long lastCommitted = watch.maxCommitted();
        List<String> names = targets.stream().map(KitCluster.Member::name).toList();
        waits.note("kill -9 of " + String.join(", ", names) + ", then restart");
        long start = System.nanoTime();
        cluster.killAndRestart(names);
        Map<String, Back> back = new ConcurrentHashMap<>();
        long took = waits.until("every node running after the restart of " + String.join(", ", names),
                Duration.ofSeconds(RUNNING_SECONDS), 200, () -> {
                    Parallel.each(targets, m -> {
                        if (!back.containsKey(m.name())) {
                            Back b = restored(m, before.get(m.name()));
                            if (b != null) {
                                back.put(m.name(), b);
                            }
                        }
                    });
                    return back.size() == targets.size() && allRunning();
                });
        double seconds = (System.nanoTime() - start) / 1e9;
        watch.settle();
        List<Outcome> outcomes = new ArrayList<>();
        for (KitCluster.Member m : targets) {
            Rule rule = Rules.restore(m.name(), m.role(), m.committer());
            Back b = back.get(m.name());
            if (b == null) {
                outcomes.add(notBack(rule, m, before.get(m.name())));
                continue;
            }
            outcomes.add(judge(rule, m, b, lastCommitted, took < 0 ? null : seconds));
            incarnation(m, before.get(m.name()), b);
        }
        return outcomes;
    }

    /** The node's new incarnation once it is running and its events show a whole restore; else null. */
    private Back restored(KitCluster.Member m, String oldIncarnation) {
        Http.Call health = Http.get(m.control(), "/health");
        JsonNode h = health.json();
        if (h == null || !"running".equals(h.path("status").asText())
                || h.path("incarnation").asText("").equals(oldIncarnation)) {
            return null;
        }
        Http.Call events = Http.get(m.control(), "/events?since=0");
        return restoreEvents(events) == null ? null : new Back(h.path("incarnation").asText(), health, events);
    }

    /** The last {@code restored} event after a {@code restore-started}, or null. */
    private static JsonNode restoreEvents(Http.Call events) {
        JsonNode page = events.json();
        if (page == null) {
            return null;
        }
        boolean started = false;
        JsonNode restored = null;
        for (JsonNode e : page.path("events")) {
            if (e.path("type").asText().equals("restore-started")) {
                started = true;
            } else if (started && e.path("type").asText().equals("restored")) {
                restored = e;
            }
        }
        return restored;
    }

    private boolean allRunning() {
        for (KitCluster.Member m : cluster.members()) {
            JsonNode h = Http.get(m.control(), "/health").json();
            if (h == null || !"running".equals(h.path("status").asText())) {
                return false;
            }
        }
        return true;
    }

    private Outcome judge(Rule rule, KitCluster.Member m, Back b, long lastCommitted, Double seconds) {
        Findings f = new Findings(rule);
        JsonNode health = b.health().json();
        JsonNode restored = restoreEvents(b.events());
        JsonNode from = health.path("restoredFrom");
        JsonNode named = restored.path("checkpoint").isNull() || restored.path("checkpoint").isMissingNode()
                ? restored.path("detail").path("checkpoint") : restored.path("checkpoint");
        if (lastCommitted > 0) {
            if (f.require(from.isIntegralNumber() && from.asLong() >= lastCommitted, m.name() + " reports restoredFrom "
                    + from + " after " + lastCommitted + " had committed", b.health())) {
                f.require(watch.committed(from.asLong()), m.name() + " restored from " + from
                        + ", which no node lists as committed", b.health());
            }
        }
        f.require(named.isNull() || named.isMissingNode() ? from.isNull() : named.asLong() == from.asLong(),
                m.name() + ": its restored event names " + named + ", /health restoredFrom " + from, b.events());
        if (seconds == null) {
            f.problem("the system was not running again within " + RUNNING_SECONDS + " s", b.health());
        }
        synchronized (restarted) {
            restarted.add(m.name());
        }
        return f.outcome(String.format("restored from %s, running again %.1f s after the kill", from,
                seconds == null ? Double.NaN : seconds));
    }

    private Outcome notBack(Rule rule, KitCluster.Member m, String oldIncarnation) {
        Http.Call health = Http.get(m.control(), "/health");
        Http.Call events = Http.get(m.control(), "/events?since=0");
        String why = !cluster.alive(m.name()) ? "its process exited (see " + cluster.log(m.name()) + ")"
                : health.json() == null || !"running".equals(health.json().path("status").asText())
                ? "not running" : health.json().path("incarnation").asText("").equals(oldIncarnation)
                ? "same incarnation as before the kill" : restoreEvents(events) == null
                ? "no restore-started then restored event" : "another node was not running";
        return Outcome.fail(rule, m.name() + " " + why + " " + RUNNING_SECONDS + " s after the restart",
                health.describe(), events.describe());
    }

    private void incarnation(KitCluster.Member m, String oldIncarnation, Back b) {
        JsonNode page = b.events().json();
        restart.require(!b.incarnation().equals(oldIncarnation), m.name() + ": /health incarnation "
                + oldIncarnation + " unchanged by the restart", b.health());
        restart.require(page.path("incarnation").asText("").equals(b.incarnation()), m.name() + ": /events"
                + " incarnation " + page.path("incarnation") + " is not /health's " + b.incarnation(), b.events());
        JsonNode first = page.path("events").path(0);
        restart.require(first.path("seq").asLong(-1) == 0 && first.path("type").asText().equals("started"),
                m.name() + ": the new incarnation's events do not start at seq 0 with started", b.events());
    }

    /** The id rule: ids the committing node gave before its restart, against the first one after. */
    static Outcome ids(List<Long> answered, Set<Long> seenBefore, long ownMaxBefore, long after, Http.Call call) {
        Findings f = new Findings(Rules.IDS);
        for (int i = 1; i < answered.size(); i++) {
            if (answered.get(i) <= answered.get(i - 1)) {
                f.problem("trigger answered id " + answered.get(i) + " after " + answered.get(i - 1), call);
            }
        }
        if (after <= 0 && f.clean()) {
            return Outcome.skip(Rules.IDS, "no trigger was answered after the restart (see the trigger rule)");
        }
        if (after > 0) {
            f.require(!seenBefore.contains(after), "after the restart the trigger answered id " + after
                    + ", which was in use before", call);
            f.require(after > ownMaxBefore, "after the restart the trigger answered id " + after
                    + ", not above " + ownMaxBefore + " triggered before", call);
        }
        return f.outcome(Report.count(answered.size(), "trigger") + " in order; after the restart " + after + " > "
                + ownMaxBefore + ", the highest before");
    }

    Outcome restartOutcome() {
        return restarted.isEmpty() ? Outcome.skip(Rules.EVENTS_RESTART, "no node came back from its restart")
                : restart.outcome(String.join(", ", restarted));
    }
}
