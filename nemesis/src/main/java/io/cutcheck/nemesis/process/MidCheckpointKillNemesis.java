package io.cutcheck.nemesis.process;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutcheck.harness.nemesis.Fault;
import io.cutcheck.harness.nemesis.FaultContext;
import io.cutcheck.harness.runtime.Node;
import io.cutcheck.harness.sut.EventsPage;
import io.cutcheck.harness.sut.Reply;
import io.cutcheck.harness.sut.SutClient;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Crashes aimed at a checkpoint in flight, the windows random kills rarely hit. Each fault asks
 * the committing node to trigger a checkpoint now ({@code POST /checkpoints/trigger}, retried
 * while the node refuses because another one is in flight or it is recovering), then:
 * <ul>
 * <li>{@code kill-mid-checkpoint} kills the targets the moment the node answers with the new
 *     checkpoint's id: between trigger and commit;</li>
 * <li>{@code kill-after-ack} watches each target's lifecycle events ({@code GET /events}) and
 *     kills it as soon as it reports its next {@code ack-sent}: a node that acknowledges before its
 *     part is durable dies with the part unwritten. The trigger only hastens that ack: any
 *     checkpoint's ack will do, since on a loaded machine the automatic checkpoints can keep the
 *     node refusing triggers for seconds (every fault of a run missed its aim that way).</li>
 * <li>{@code kill-after-commit} watches the committing node's events and kills the targets as soon
 *     as it reports {@code committed} for a checkpoint triggered after the fault began: recovery
 *     must then restore exactly what that commit claimed durable. A crash at the ack aborts the
 *     checkpoint unless the target happened to ack last, so a part that was acknowledged but
 *     never made durable seldom reached a committed checkpoint (half the seeds missed).</li>
 * </ul>
 * The killed nodes are restarted when the fault heals. If no checkpoint could be triggered, or a
 * target never acknowledged in time, the targets are killed anyway (the fault still happens) and
 * the injection reports why, so the fault record says the aim was missed.
 */
public final class MidCheckpointKillNemesis extends CrashingNemesis {

    public static final String KIND = "kill-mid-checkpoint";
    public static final String AFTER_ACK_KIND = "kill-after-ack";
    public static final String AFTER_COMMIT_KIND = "kill-after-commit";

    private static final Duration ACK_PATIENCE = Duration.ofSeconds(3);

    /** A loaded checkpoint takes up to 2.5 s, and the one in flight when the fault begins finishes first. */
    private static final Duration COMMIT_PATIENCE = Duration.ofSeconds(5);

    private static final Duration CURSOR_PATIENCE = Duration.ofSeconds(2);

    private static final Duration TRIGGER_PATIENCE = Duration.ofSeconds(4);
    private static final long RETRY_MILLIS = 15;

    private final String kind;

    private MidCheckpointKillNemesis(String kind) {
        this.kind = kind;
    }

    public static MidCheckpointKillNemesis atTrigger() {
        return new MidCheckpointKillNemesis(KIND);
    }

    public static MidCheckpointKillNemesis afterAck() {
        return new MidCheckpointKillNemesis(AFTER_ACK_KIND);
    }

    public static MidCheckpointKillNemesis afterCommit() {
        return new MidCheckpointKillNemesis(AFTER_COMMIT_KIND);
    }

    @Override
    public Set<String> kinds() {
        return Set.of(kind);
    }

    @Override
    public boolean aimsAtAcknowledgements(String faultKind) {
        return kind.equals(AFTER_ACK_KIND) && faultKind.equals(AFTER_ACK_KIND);
    }

    @Override
    public synchronized void inject(Fault fault, FaultContext context) throws InterruptedException {
        List<Node> targets = Targets.nodes(fault, context);
        Node committer = context.committer().orElseThrow(
                () -> new IllegalStateException("the run names no committing node to trigger a checkpoint on"));
        Optional<String> missed;
        try {
            missed = aim(targets, committer);
        } catch (NoCursor e) {
            missed = Optional.of(e.getMessage());
        }
        for (Node node : targets) {
            crash(node);
        }
        if (missed.isPresent()) {
            throw new IllegalStateException("killed off target: " + missed.get());
        }
    }

    /** Waits for the moment this kind aims at; empty when it came, else why it was missed. */
    private Optional<String> aim(List<Node> targets, Node committer) throws InterruptedException {
        return switch (kind) {
            case AFTER_ACK_KIND -> {
                Map<Node, Long> cursors = new LinkedHashMap<>();
                for (Node node : targets) {
                    cursors.put(node, cursor(node));
                }
                // one attempt: retrying would watch the acks of the checkpoints in flight go by unkilled
                triggerCheckpoint(client(committer), Duration.ZERO);
                yield killAfterAck(cursors);
            }
            case AFTER_COMMIT_KIND -> {
                long cursor = cursor(committer);
                triggerCheckpoint(client(committer), Duration.ZERO);
                yield awaitCommit(committer, cursor);
            }
            default -> triggerCheckpoint(client(committer), TRIGGER_PATIENCE).isPresent() ? Optional.empty()
                    : Optional.of("no checkpoint could be triggered in " + TRIGGER_PATIENCE.toSeconds() + " s");
        };
    }

    /** The triggered checkpoint's id, or empty if none could be triggered within the patience (at least one try). */
    private static Optional<Long> triggerCheckpoint(SutClient committer, Duration patience)
            throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        do {
            Reply<Long> reply = committer.trigger("external");
            if (reply.isOk()) {
                return reply.result();
            }
            Thread.sleep(RETRY_MILLIS);
        } while (System.nanoTime() < deadline);
        return Optional.empty();
    }

    /**
     * Kills each target once its events show an {@code ack-sent}, reading each from its cursor;
     * empty if all did, else which never acknowledged (left for the caller).
     */
    private static Optional<String> killAfterAck(Map<Node, Long> cursors) throws InterruptedException {
        long deadline = System.nanoTime() + ACK_PATIENCE.toNanos();
        Map<Node, Long> waiting = new LinkedHashMap<>(cursors);
        while (!waiting.isEmpty() && System.nanoTime() < deadline) {
            for (Node node : List.copyOf(waiting.keySet())) {
                Optional<EventsPage> page = client(node).events(waiting.get(node)).result();
                if (page.isEmpty()) {
                    Thread.sleep(RETRY_MILLIS); // unreachable (restarting): wait a moment rather than spin
                    continue;
                }
                boolean acked = page.get().events().stream().anyMatch(e -> "ack-sent".equals(e.path("type").asText()));
                if (acked) {
                    node.kill();
                    waiting.remove(node);
                } else {
                    waiting.put(node, page.get().next());
                }
            }
        }
        return waiting.isEmpty() ? Optional.empty() : Optional.of(waiting.keySet().stream().map(Node::name).toList()
                + " did not acknowledge a checkpoint in " + ACK_PATIENCE.toSeconds() + " s");
    }

    /**
     * Waits for the committer's {@code committed} event of a checkpoint it triggered after the
     * cursor (one begun under the fault, not the one already in flight); empty once seen.
     */
    private static Optional<String> awaitCommit(Node committer, long cursor) throws InterruptedException {
        long deadline = System.nanoTime() + COMMIT_PATIENCE.toNanos();
        Set<Long> triggered = new HashSet<>();
        while (System.nanoTime() < deadline) {
            Optional<EventsPage> page = client(committer).events(cursor).result();
            if (page.isEmpty()) {
                Thread.sleep(RETRY_MILLIS);
                continue;
            }
            for (JsonNode event : page.get().events()) {
                String type = event.path("type").asText();
                long checkpoint = event.path("checkpoint").asLong(-1);
                if (type.equals("triggered")) {
                    triggered.add(checkpoint);
                } else if (type.equals("committed") && triggered.contains(checkpoint)) {
                    return Optional.empty();
                }
            }
            cursor = page.get().next();
            Thread.sleep(RETRY_MILLIS);
        }
        return Optional.of(committer.name() + " committed no checkpoint begun under the fault in "
                + COMMIT_PATIENCE.toSeconds() + " s");
    }

    /**
     * Where a node's event stream stands now: only what it reports from here on counts. A page
     * that is not empty, or a negative next, would make old events count as new (a node whose
     * cursor came back negative was killed at an ack from before the fault). A node still
     * restarting from the previous fault gets a moment to answer.
     */
    private static long cursor(Node node) throws InterruptedException {
        long deadline = System.nanoTime() + CURSOR_PATIENCE.toNanos();
        do {
            Optional<Long> next = client(node).events(SutClient.BEYOND_ANY_SEQ).result()
                    .filter(page -> page.events().isEmpty() && page.next() >= 0)
                    .map(EventsPage::next);
            if (next.isPresent()) {
                return next.get();
            }
            Thread.sleep(RETRY_MILLIS * 10);
        } while (System.nanoTime() < deadline);
        throw new NoCursor(node.name() + " gave no usable /events cursor in " + CURSOR_PATIENCE.toSeconds()
                + " s (since beyond its newest event must give an empty page and the next seq)");
    }

    /** A node whose newest event is unknown cannot be aimed at; the fault still happens. */
    private static final class NoCursor extends RuntimeException {
        NoCursor(String message) {
            super(message);
        }
    }

    private static SutClient client(Node node) {
        return new SutClient(node.controlUri(), Duration.ofSeconds(1));
    }
}
