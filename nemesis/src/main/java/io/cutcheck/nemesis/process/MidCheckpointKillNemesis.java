package io.cutcheck.nemesis.process;

import io.cutcheck.harness.nemesis.Fault;
import io.cutcheck.harness.nemesis.FaultContext;
import io.cutcheck.harness.nemesis.Nemesis;
import io.cutcheck.harness.runtime.Node;
import io.cutcheck.harness.sut.Reply;
import io.cutcheck.harness.sut.SutClient;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code kill-mid-checkpoint}: a crash aimed at a checkpoint in flight. It asks the committing
 * node to trigger a checkpoint now ({@code POST /checkpoints/trigger}, retried while the node
 * refuses because another one is in flight or it is recovering) and kills the targets the moment
 * the node answers with the new checkpoint's id, so the crash lands between trigger and commit,
 * the window random kills rarely hit. The killed nodes are restarted when the fault heals.
 *
 * <p>If no checkpoint could be triggered in time the targets are killed anyway (the fault still
 * happens) and the injection reports why, so the fault record says the aim was missed.
 */
public final class MidCheckpointKillNemesis implements Nemesis {

    public static final String KIND = "kill-mid-checkpoint";

    private static final Duration TRIGGER_PATIENCE = Duration.ofSeconds(4);
    private static final long RETRY_MILLIS = 15;

    private final Set<String> down = new LinkedHashSet<>();

    @Override
    public Set<String> kinds() {
        return Set.of(KIND);
    }

    @Override
    public synchronized void inject(Fault fault, FaultContext context) throws InterruptedException {
        List<Node> targets = Targets.nodes(fault, context);
        Node committer = context.committer().orElseThrow(
                () -> new IllegalStateException("the run names no committing node to trigger a checkpoint on"));
        Optional<String> missed = triggerCheckpoint(new SutClient(committer.controlUri(), Duration.ofSeconds(1)));
        for (Node node : targets) {
            node.kill();
            down.add(node.name());
        }
        if (missed.isPresent()) {
            throw new IllegalStateException("killed with no checkpoint in flight: " + missed.get());
        }
    }

    /** Empty once a checkpoint was triggered; else why none could be within the patience. */
    private static Optional<String> triggerCheckpoint(SutClient committer) throws InterruptedException {
        long deadline = System.nanoTime() + TRIGGER_PATIENCE.toNanos();
        Reply<Long> reply;
        do {
            reply = committer.trigger("external");
            if (reply.isOk()) {
                return Optional.empty();
            }
            Thread.sleep(RETRY_MILLIS);
        } while (System.nanoTime() < deadline);
        return Optional.of(reply.describe());
    }

    @Override
    public synchronized void heal(Fault fault, FaultContext context) {
        restart(Targets.nodes(fault, context));
    }

    /** Restarts every node this nemesis killed, and any other node found dead. */
    @Override
    public synchronized void healAll(FaultContext context) {
        restart(context.nodes().stream().filter(n -> down.contains(n.name()) || !n.isAlive()).toList());
    }

    private void restart(List<Node> nodes) {
        for (Node node : nodes) {
            node.restart();
            down.remove(node.name());
        }
    }
}
