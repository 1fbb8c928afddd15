package io.cutcheck.sut.marker;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutcheck.sut.http.JsonHttpClient;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Runs on the peer with the lowest index and agrees a global restore with every peer in four
 * steps, each sent to all peers before the next begins: halt (stop, report what you hold),
 * restore (load the snapshot the leader chose), connect (open the epoch's channels), start
 * (consume input). A peer only accepts a step for the epoch it was halted in, so a round
 * that meets a restarted peer fails and the next round starts with a higher epoch.
 */
final class RecoveryLeader implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(RecoveryLeader.class.getName());
    private static final long STEP_DEADLINE_MS = 30_000;

    /** Someone asks for a round: a peer that started ({@code epoch} 0) or saw a channel of {@code epoch} break. */
    record Request(String node, long incarnation, long epoch) {
    }

    private record Round(long epoch, Map<String, Long> incarnations) {
    }

    private final List<String> peers;
    private final Map<String, JsonHttpClient> controls;
    private final MarkerDefect defect;
    private final BlockingQueue<Request> requests = new LinkedBlockingQueue<>();
    private final Thread thread = new Thread(this::run, "recovery-leader");
    private volatile boolean closed;
    private long lastEpoch;
    private Round lastSuccess;

    RecoveryLeader(Map<String, String> controlUrls, MarkerDefect defect) {
        this.peers = List.copyOf(controlUrls.keySet());
        this.controls = new LinkedHashMap<>();
        controlUrls.forEach((node, url) -> controls.put(node, new JsonHttpClient(url)));
        this.defect = defect;
        thread.setDaemon(true);
    }

    RecoveryLeader start() {
        thread.start();
        return this;
    }

    void request(Request request) {
        requests.add(request);
    }

    private void run() {
        while (!closed) {
            try {
                Request request = requests.poll(1, TimeUnit.SECONDS);
                if (request == null || !needed(request)) {
                    continue;
                }
                while (!closed && !round()) {
                    Thread.sleep(300);
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** A request is served by a later successful round that saw the requester's incarnation. */
    private boolean needed(Request r) {
        return lastSuccess == null || r.epoch() >= lastSuccess.epoch()
                || !Objects.equals(lastSuccess.incarnations().get(r.node()), r.incarnation());
    }

    private boolean round() throws InterruptedException {
        long epoch = Math.max(System.currentTimeMillis(), lastEpoch + 1);
        lastEpoch = epoch;
        LOG.info("recovery round, epoch " + epoch);
        Map<String, RestoreChoice.Report> reports = new HashMap<>();
        Map<String, Long> incarnations = new HashMap<>();
        for (String peer : peers) {
            JsonNode answer = step(peer, "/marker/halt", Map.of("epoch", epoch));
            if (answer == null) {
                return false;
            }
            reports.put(peer, new RestoreChoice.Report(peer, ids(answer.path("manifests")),
                    ids(answer.path("notified")), ids(answer.path("parts"))));
            incarnations.put(peer, answer.path("incarnation").asLong());
        }
        Map<String, Long> choice = RestoreChoice.choose(reports, defect);
        Set<Long> committed = RestoreChoice.committed(reports);
        for (String peer : peers) {
            Map<String, Object> body = new HashMap<>();
            body.put("epoch", epoch);
            body.put("checkpoint", choice.get(peer));
            body.put("committed", committed);
            if (step(peer, "/marker/restore", body) == null) {
                return false;
            }
        }
        for (String step : List.of("/marker/connect", "/marker/start")) {
            for (String peer : peers) {
                if (step(peer, step, Map.of("epoch", epoch)) == null) {
                    return false;
                }
            }
        }
        lastSuccess = new Round(epoch, incarnations);
        LOG.info("recovery round " + epoch + " done: " + choice);
        return true;
    }

    /** Sends one step, retrying while the peer is unreachable; null when the round must start over. */
    private JsonNode step(String peer, String path, Map<String, Object> body) throws InterruptedException {
        long deadline = System.currentTimeMillis() + STEP_DEADLINE_MS;
        while (!closed && System.currentTimeMillis() < deadline) {
            try {
                JsonHttpClient.Response response = controls.get(peer).post(path, body);
                if (response.ok()) {
                    return response.json();
                }
                JsonNode error = response.json();
                lastEpoch = Math.max(lastEpoch, error.path("epoch").asLong(0));
                LOG.info(peer + " refused " + path + ": " + error.path("error").asText());
                return null;
            } catch (IOException e) {
                Thread.sleep(200);
            }
        }
        return null;
    }

    private static Set<Long> ids(JsonNode array) {
        Set<Long> ids = new HashSet<>();
        array.forEach(n -> ids.add(n.asLong()));
        return ids;
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
