package io.cutcheck.sut.barrier;

import io.cutcheck.sut.barrier.ControlMessage.Ack;
import io.cutcheck.sut.barrier.ControlMessage.ChannelFailed;
import io.cutcheck.sut.barrier.ControlMessage.Heartbeat;
import io.cutcheck.sut.barrier.ControlMessage.Hello;
import io.cutcheck.sut.barrier.ControlMessage.RestoreFailed;
import io.cutcheck.sut.barrier.ControlMessage.Restored;
import io.cutcheck.sut.control.CheckpointStatus;
import io.cutcheck.sut.control.CheckpointView;
import io.cutcheck.sut.control.Content;
import io.cutcheck.sut.control.ControlNode;
import io.cutcheck.sut.control.ControlServer;
import io.cutcheck.sut.control.EventLog;
import io.cutcheck.sut.control.EventType;
import io.cutcheck.sut.control.Health;
import io.cutcheck.sut.control.NodeStatus;
import io.cutcheck.sut.control.TriggerRejectedException;
import io.cutcheck.sut.control.TriggerSettings;
import io.cutcheck.sut.node.NodeConfig;
import io.cutcheck.sut.storage.CheckpointIds;
import io.cutcheck.sut.storage.CheckpointMetadata;
import io.cutcheck.sut.storage.CheckpointStore;
import io.cutcheck.sut.storage.CorruptCheckpointException;
import io.cutcheck.sut.wire.FrameChannel;
import io.cutcheck.sut.wire.FrameServer;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The coordinator: triggers checkpoints (at most one in flight), collects acknowledgements, commits by
 * writing the metadata, notifies completion, and drives global restarts from the newest committed
 * checkpoint. All of its logic runs on one thread; connection readers and HTTP handlers only enqueue.
 */
final class CoordinatorNode implements ControlNode {
    private static final Logger LOG = Logger.getLogger(CoordinatorNode.class.getName());
    private final NodeConfig config;
    private final Topology topology;
    private final CheckpointStore store;
    private final CheckpointIds ids;
    private final BarrierDefect defect;
    private final EventLog events;
    private final long incarnation = System.currentTimeMillis();
    private final LinkedBlockingQueue<Runnable> mailbox = new LinkedBlockingQueue<>();
    private final KnownCheckpoints known = new KnownCheckpoints();
    private final Map<String, TaskSession> sessions = new HashMap<>();
    private final Set<String> restored = new HashSet<>();
    private final Set<Long> unusable = new HashSet<>();
    private final TriggerPolicy triggers;
    private final long heartbeatTimeoutMs;
    private long epoch;
    private boolean running;
    private long target;
    private Optional<CheckpointMetadata> targetMetadata = Optional.empty();
    private PendingCheckpoint pending;
    private long recordsRead;
    private volatile NodeStatus status = NodeStatus.STARTING;
    private volatile Long restoredFrom;

    CoordinatorNode(NodeConfig config, Topology topology, CheckpointStore store, BarrierDefect defect) throws IOException {
        this.config = config;
        this.topology = topology;
        this.store = store;
        this.ids = new CheckpointIds(store);
        this.defect = defect;
        this.events = new EventLog(config.node());
        this.triggers = new TriggerPolicy(new TriggerSettings(config.checkpoint().intervalMs(),
                config.checkpoint().everyRecords()), System.currentTimeMillis());
        this.heartbeatTimeoutMs = config.longOption("heartbeatTimeoutMs", 3000);
        for (CheckpointMetadata m : store.committed()) {
            known.put(view(m));
        }
    }

    void start() {
        events.append(EventType.STARTED, null, Map.of("incarnation", incarnation));
        // the first job fixes the epoch and restore target before any task's hello is handled
        mailbox.add(() -> beginRecovery("coordinator started"));
        new ControlServer(config.bindHost(), config.controlPort(), this, events, incarnation).start();
        new FrameServer(config.bindHost(), config.dataPort(), "coordinator", this::serveTask);
        Thread loop = new Thread(this::loop, "coordinator");
        loop.start();
    }

    private void loop() {
        long nextTick = 0;
        while (true) {
            try {
                Runnable job = mailbox.poll(20, TimeUnit.MILLISECONDS);
                if (job != null) {
                    job.run();
                }
                long now = System.currentTimeMillis();
                if (now >= nextTick) {
                    nextTick = now + 20;
                    tick(now);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warning("coordinator error: " + e);
            }
        }
    }

    // ---- task connections (reader threads) ----

    private void serveTask(FrameChannel channel) {
        TaskSession session;
        try {
            ControlMessage first = ControlCodec.decode(channel.receive());
            if (!(first instanceof Hello hello) || !topology.tasks().contains(hello.node())) {
                channel.close();
                return;
            }
            session = new TaskSession(hello.node(), hello.incarnation(), channel);
        } catch (IOException e) {
            channel.close();
            return;
        }
        mailbox.add(() -> onHello(session));
        try {
            while (true) {
                ControlMessage message = ControlCodec.decode(channel.receive());
                session.lastSeen = System.currentTimeMillis();
                mailbox.add(() -> onMessage(session, message));
            }
        } catch (IOException e) {
            mailbox.add(() -> onLost(session, "connection to " + session.node + " lost"));
        }
    }

    // ---- coordinator thread ----

    private void onHello(TaskSession session) {
        TaskSession old = sessions.put(session.node, session);
        if (old != null) {
            old.close();
        }
        if (running) {
            beginRecovery(session.node + " rejoined");
        } else {
            restored.remove(session.node);
            sendRestore(session);
        }
    }

    private void onLost(TaskSession session, String cause) {
        if (sessions.get(session.node) != session) {
            return;
        }
        sessions.remove(session.node);
        session.close();
        restored.remove(session.node);
        if (running) {
            beginRecovery(cause);
        }
    }

    private void onMessage(TaskSession session, ControlMessage message) {
        if (sessions.get(session.node) != session) {
            return;
        }
        if (message instanceof Heartbeat h) {
            long delta = h.recordsRead() >= session.lastRecordsRead ? h.recordsRead() - session.lastRecordsRead : h.recordsRead();
            session.lastRecordsRead = h.recordsRead();
            recordsRead += delta;
        } else if (message instanceof Ack a) {
            onAck(session.node, a);
        } else if (message instanceof Restored r && r.epoch() == epoch && !running) {
            restored.add(session.node);
            if (restored.containsAll(topology.tasks())) {
                resume();
            }
        } else if (message instanceof RestoreFailed f && f.epoch() == epoch) {
            LOG.warning("checkpoint " + f.checkpoint() + " unusable: " + f.cause());
            unusable.add(f.checkpoint());
            beginRecovery(session.node + " could not restore " + f.checkpoint() + ": " + f.cause());
        } else if (message instanceof ChannelFailed f && f.epoch() == epoch && running) {
            beginRecovery(session.node + ": " + f.cause());
        }
    }

    private void tick(long now) {
        for (TaskSession s : List.copyOf(sessions.values())) {
            if (now - s.lastSeen > heartbeatTimeoutMs) {
                onLost(s, s.node + " missed heartbeats");
            }
        }
        if (pending != null && now - pending.triggeredAt() > config.checkpoint().timeoutMs()) {
            abortPending("timeout");
        }
        if (running && pending == null) {
            triggers.due(now, recordsRead).ifPresent(reason -> {
                try {
                    trigger0(reason);
                } catch (TriggerRejectedException | IOException e) {
                    LOG.warning("automatic trigger failed: " + e.getMessage());
                }
            });
        }
    }

    private long trigger0(String reason) throws TriggerRejectedException, IOException {
        if (!running) {
            throw new TriggerRejectedException("recovering");
        }
        if (pending != null) {
            throw new TriggerRejectedException("checkpoint " + pending.id() + " in flight");
        }
        long now = System.currentTimeMillis();
        long id = ids.next();
        pending = new PendingCheckpoint(id, reason, now);
        triggers.triggered(now, recordsRead);
        known.put(new CheckpointView(id, reason, CheckpointStatus.PENDING, now, null, null, null, 0,
                store.metadataPath(id).toString(), topology.tasks()));
        events.append(EventType.TRIGGERED, id, Map.of("reason", reason));
        for (String source : topology.sources()) {
            TaskSession s = sessions.get(source);
            if (s != null) {
                s.send(new ControlMessage.Trigger(epoch, id, reason));
            }
        }
        return id;
    }

    private void onAck(String node, Ack ack) {
        if (pending == null || ack.id() != pending.id() || ack.epoch() != epoch) {
            return;
        }
        pending.ack(node, ack.part(), ack.positions());
        events.append(EventType.ACK_RECEIVED, ack.id(), Map.of("node", node));
        List<String> required = defect == BarrierDefect.COMMIT_BEFORE_ALL_ACKS ? topology.sources() : topology.tasks();
        if (pending.ackedBy(required)) {
            commit(pending);
        }
    }

    private void commit(PendingCheckpoint checkpoint) {
        long acksAt = System.currentTimeMillis();
        CheckpointMetadata metadata = checkpoint.toMetadata(acksAt, acksAt);
        try {
            store.writeMetadata(metadata);
        } catch (IOException e) {
            abortPending("metadata not durable: " + e.getMessage());
            return;
        }
        pending = null;
        long committedAt = System.currentTimeMillis();
        events.append(EventType.COMMITTED, metadata.id());
        known.put(new CheckpointView(metadata.id(), metadata.reason(), CheckpointStatus.COMMITTED, metadata.triggeredAt(),
                acksAt, committedAt, null, metadata.partsBytes() + store.sizeOnDisk(metadata.id()),
                store.metadataPath(metadata.id()).toString(), metadata.parts().stream().map(p -> p.node()).toList()));
        List<Long> retained;
        try {
            retained = store.retainCommitted(config.checkpoint().retain());
        } catch (IOException e) {
            LOG.warning("retention failed: " + e.getMessage());
            retained = List.of(metadata.id());
        }
        for (TaskSession s : sessions.values()) {
            s.send(new ControlMessage.Complete(metadata.id(), retained));
        }
    }

    private void abortPending(String cause) {
        if (pending == null) {
            return;
        }
        long id = pending.id();
        pending = null;
        long now = System.currentTimeMillis();
        events.append(EventType.ABORTED, id, Map.of("cause", cause));
        known.update(id, v -> KnownCheckpoints.withStatus(v, CheckpointStatus.ABORTED, now));
        for (TaskSession s : sessions.values()) {
            s.send(new ControlMessage.Abort(id, cause));
        }
    }

    /** Global restart: every task goes back to the restore target of a new epoch. */
    private void beginRecovery(String cause) {
        abortPending("recovery: " + cause);
        running = false;
        status = NodeStatus.RECOVERING;
        epoch = Math.max(System.currentTimeMillis(), epoch + 1);
        restored.clear();
        chooseTarget();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("checkpoint", target > 0 ? target : null);
        detail.put("cause", cause);
        detail.put("epoch", epoch);
        events.append(EventType.RESTORE_STARTED, target > 0 ? target : null, detail);
        for (TaskSession s : sessions.values()) {
            sendRestore(s);
        }
    }

    private void chooseTarget() {
        List<CheckpointMetadata> committed = store.committed();
        targetMetadata = Optional.empty();
        target = 0;
        for (int i = committed.size() - 1; i >= 0; i--) {
            if (!unusable.contains(committed.get(i).id())) {
                targetMetadata = Optional.of(committed.get(i));
                target = committed.get(i).id();
                break;
            }
        }
        if (defect == BarrierDefect.RESTORE_PENDING_CHECKPOINT && ids.last() > target && !unusable.contains(ids.last())) {
            // the defect: the last triggered checkpoint is taken for committed, metadata or not
            target = ids.last();
            targetMetadata = Optional.empty();
        }
    }

    private void sendRestore(TaskSession session) {
        session.send(new ControlMessage.Restore(epoch, target,
                targetMetadata.flatMap(m -> m.part(session.node))));
    }

    private void resume() {
        running = true;
        status = NodeStatus.RUNNING;
        restoredFrom = target > 0 ? target : null;
        triggers.triggered(System.currentTimeMillis(), recordsRead);
        events.append(EventType.RESTORED, restoredFrom, Map.of("epoch", epoch));
        for (TaskSession s : sessions.values()) {
            s.send(new ControlMessage.Run(epoch));
        }
    }

    // ---- control endpoint (HTTP threads) ----

    private <T> T onLoop(Supplier<T> call) throws TriggerRejectedException {
        CompletableFuture<T> result = new CompletableFuture<>();
        mailbox.add(() -> {
            try {
                result.complete(call.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RejectedCall r) {
                throw new TriggerRejectedException(r.getMessage());
            }
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new TriggerRejectedException("coordinator busy");
        }
    }

    private static final class RejectedCall extends RuntimeException {
        RejectedCall(String message) {
            super(message);
        }
    }

    @Override
    public Health health() {
        return new Health(1, config.system(), config.node(), config.role(), status, incarnation, restoredFrom);
    }

    @Override
    public List<CheckpointView> checkpoints() {
        return known.all();
    }

    @Override
    public Optional<Content> content(long id) throws CorruptCheckpointException {
        return store.readMetadata(id).map(m -> {
            Map<String, Long> positions = new LinkedHashMap<>();
            m.positions().forEach((p, o) -> positions.put(String.valueOf(p), o));
            return new Content(id, config.node(), positions, Map.of(), Map.of());
        });
    }

    @Override
    public long trigger(String reason) throws TriggerRejectedException {
        return onLoop(() -> {
            try {
                return trigger0(reason);
            } catch (TriggerRejectedException e) {
                throw new RejectedCall(e.getMessage());
            } catch (IOException e) {
                throw new RejectedCall("cannot record the checkpoint id: " + e.getMessage());
            }
        });
    }

    @Override
    public TriggerSettings triggers() {
        return triggers.settings();
    }

    @Override
    public TriggerSettings updateTriggers(Long intervalMs, Long everyRecords) {
        TriggerSettings old = triggers.settings();
        TriggerSettings now = new TriggerSettings(intervalMs == null ? old.intervalMs() : intervalMs,
                everyRecords == null ? old.everyRecords() : everyRecords);
        triggers.update(now);
        return now;
    }

    private CheckpointView view(CheckpointMetadata m) {
        return new CheckpointView(m.id(), m.reason(), CheckpointStatus.COMMITTED, m.triggeredAt(), m.acksCompleteAt(),
                m.committedAt(), null, m.partsBytes() + store.sizeOnDisk(m.id()), store.metadataPath(m.id()).toString(),
                m.parts().stream().map(p -> p.node()).toList());
    }
}
