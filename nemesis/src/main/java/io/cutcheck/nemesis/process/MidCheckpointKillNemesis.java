package io.cutcheck.nemesis.process;

import io.cutcheck.harness.nemesis.Fault;
import io.cutcheck.harness.nemesis.FaultContext;
import io.cutcheck.harness.runtime.Node;
import io.cutcheck.harness.sut.EventsPage;
import io.cutcheck.harness.sut.Reply;
import io.cutcheck.harness.sut.SutClient;
import java.time.Duration;
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
 * </ul>
 * The killed nodes are restarted when the fault heals. If no checkpoint could be triggered, or a
 * target never acknowledged in time, the targets are killed anyway (the fault still happens) and
 * the injection reports why, so the fault record says the aim was missed.
 */
public final class MidCheckpointKillNemesis extends CrashingNemesis {

    public static final String KIND = "kill-mid-checkpoint";
    public static final String AFTER_ACK_KIND = "kill-after-ack";

    private static final Duration ACK_PATIENCE = Duration.ofSeconds(3);

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

    @Override
    public Set<String> kinds() {
        return Set.of(kind);
    }

    @Override
    public synchronized void inject(Fault fault, FaultContext context) throws InterruptedException {
        List<Node> targets = Targets.nodes(fault, context);
        Node committer = context.committer().orElseThrow(
                () -> new IllegalStateException("the run names no committing node to trigger a checkpoint on"));
        Map<Node, Long> cursors = new LinkedHashMap<>();
        if (kind.equals(AFTER_ACK_KIND)) {
            for (Node node : targets) {
                cursors.put(node, client(node).events(Long.MAX_VALUE).result().map(EventsPage::next).orElse(0L));
            }
        }
        Optional<String> missed;
        if (kind.equals(AFTER_ACK_KIND)) {
            // one attempt: retrying would watch the acks of the checkpoints in flight go by unkilled
            triggerCheckpoint(client(committer), Duration.ZERO);
            missed = killAfterAck(cursors);
        } else {
            missed = triggerCheckpoint(client(committer), TRIGGER_PATIENCE).isPresent() ? Optional.empty()
                    : Optional.of("no checkpoint could be triggered in " + TRIGGER_PATIENCE.toSeconds() + " s");
        }
        for (Node node : targets) {
            crash(node);
        }
        if (missed.isPresent()) {
            throw new IllegalStateException("killed off target: " + missed.get());
        }
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
    private static Optional<String> killAfterAck(Map<Node, Long> cursors) {
        long deadline = System.nanoTime() + ACK_PATIENCE.toNanos();
        Map<Node, Long> waiting = new LinkedHashMap<>(cursors);
        while (!waiting.isEmpty() && System.nanoTime() < deadline) {
            for (Node node : List.copyOf(waiting.keySet())) {
                Optional<EventsPage> page = client(node).events(waiting.get(node)).result();
                if (page.isEmpty()) {
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

    private static SutClient client(Node node) {
        return new SutClient(node.controlUri(), Duration.ofSeconds(1));
    }
}
