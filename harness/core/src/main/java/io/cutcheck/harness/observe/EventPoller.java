package io.cutcheck.harness.observe;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutcheck.harness.runtime.Node;
import io.cutcheck.harness.store.JsonlWriter;
import io.cutcheck.harness.sut.EventsPage;
import io.cutcheck.harness.sut.Reply;
import io.cutcheck.harness.sut.SutClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Polls every node's {@code GET /events} (one task per node, so a paused node delays only its
 * own events) and appends each event to {@code events.jsonl} with the harness's receive time.
 * A new incarnation (the node was restarted) starts again from seq 0.
 */
public final class EventPoller implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofMillis(1000);

    private final JsonlWriter out;
    private final ScheduledExecutorService pool;
    private final AtomicLong received = new AtomicLong();
    private final List<NodeCursor> cursors;

    public EventPoller(JsonlWriter out, List<Node> nodes, long periodMillis) {
        this.out = out;
        this.pool = Executors.newScheduledThreadPool(Math.max(1, Math.min(nodes.size(), 8)), r -> {
            Thread t = new Thread(r, "cutcheck-events");
            t.setDaemon(true);
            return t;
        });
        this.cursors = nodes.stream().map(NodeCursor::new).toList();
        for (NodeCursor cursor : cursors) {
            pool.scheduleWithFixedDelay(cursor::poll, 0, periodMillis, TimeUnit.MILLISECONDS);
        }
    }

    /** Stops polling, then fetches what each node still has, so the last events are not missed. */
    public void finish() {
        close();
        cursors.forEach(NodeCursor::poll);
    }

    public long received() {
        return received.get();
    }

    @Override
    public void close() {
        pool.shutdown();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pool.shutdownNow();
    }

    private final class NodeCursor {
        private final Node node;
        private Long incarnation;
        private long next;

        NodeCursor(Node node) {
            this.node = node;
        }

        synchronized void poll() {
            try {
                for (int pages = 0; pages < 20; pages++) {
                    Reply<EventsPage> reply = new SutClient(node.controlUri(), TIMEOUT).events(next);
                    if (!(reply instanceof Reply.Ok<EventsPage> ok)) {
                        return;
                    }
                    EventsPage page = ok.value();
                    if (incarnation == null || page.incarnation() != incarnation) {
                        boolean fromStart = next == 0;
                        incarnation = page.incarnation();
                        next = 0;
                        if (!fromStart) {
                            continue;
                        }
                    }
                    long now = System.currentTimeMillis();
                    for (JsonNode e : page.events()) {
                        out.write(toEvent(e, now));
                        received.incrementAndGet();
                    }
                    if (page.events().isEmpty() || page.next() <= next) {
                        next = Math.max(next, page.next());
                        return;
                    }
                    next = page.next();
                }
            } catch (RuntimeException e) {
                // one failed poll must not cancel the schedule; the next poll tries again
            }
        }

        private NodeEvent toEvent(JsonNode e, long receivedAt) {
            JsonNode cp = e.get("checkpoint");
            return new NodeEvent(e.path("node").asText(node.name()), incarnation, e.path("seq").asLong(),
                    e.path("time").asLong(), e.path("type").asText(),
                    cp == null || cp.isNull() ? null : cp.asLong(),
                    e.hasNonNull("detail") ? e.get("detail") : com.fasterxml.jackson.databind.node.NullNode.getInstance(),
                    receivedAt);
        }
    }
}
