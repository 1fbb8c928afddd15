package io.cutcheck.sut.barrier;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutcheck.sut.bench.LocalCluster;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Polls every node's {@code /events} in the background, so events survive the node's death. */
final class EventWatcher implements AutoCloseable {
    private final LocalCluster cluster;
    private final List<JsonNode> events = new ArrayList<>();
    private final Map<String, long[]> cursor = new HashMap<>();
    private final Set<Long> committed = ConcurrentHashMap.newKeySet();
    private final Thread thread;
    private volatile boolean stop;

    EventWatcher(LocalCluster cluster) {
        this.cluster = cluster;
        thread = new Thread(() -> {
            while (!stop) {
                poll();
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "event-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    private void poll() {
        try {
            // a checkpoint committed just before the coordinator died is known from the new one's list
            for (JsonNode c : cluster.control("coordinator").get("/checkpoints").json()) {
                if (c.get("status").asText().equals("committed")) {
                    committed.add(c.get("id").asLong());
                }
            }
        } catch (Exception e) {
            // coordinator down
        }
        for (String node : cluster.nodes()) {
            try {
                long[] c = cursor.computeIfAbsent(node, n -> new long[] {-1, 0});
                JsonNode page = cluster.control(node).get("/events?since=" + c[1]).json();
                long incarnation = page.get("incarnation").asLong();
                if (incarnation != c[0]) {
                    c[0] = incarnation;
                    c[1] = 0;
                    page = cluster.control(node).get("/events?since=0").json();
                }
                synchronized (events) {
                    for (JsonNode e : page.get("events")) {
                        events.add(e);
                        if (e.get("type").asText().equals("committed")) {
                            committed.add(e.get("checkpoint").asLong());
                        }
                    }
                }
                c[1] = page.get("next").asLong();
            } catch (Exception e) {
                // node down or restarting
            }
        }
    }

    List<JsonNode> events(String type) {
        synchronized (events) {
            return events.stream().filter(e -> e.get("type").asText().equals(type)).toList();
        }
    }

    Set<Long> committed() {
        return Set.copyOf(committed);
    }

    /** Waits for an event of {@code type} from {@code node} after {@code afterCount} such events. */
    JsonNode await(String node, String type, int afterCount, long timeoutMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (System.currentTimeMillis() < deadline) {
            List<JsonNode> matching = events(type).stream().filter(e -> e.get("node").asText().equals(node)).toList();
            if (matching.size() > afterCount) {
                return matching.get(afterCount);
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no " + type + " event from " + node + " within " + timeoutMs + " ms");
    }

    int count(String node, String type) {
        return (int) events(type).stream().filter(e -> e.get("node").asText().equals(node)).count();
    }

    @Override
    public void close() throws InterruptedException {
        stop = true;
        thread.join(2000);
    }
}
