package io.cutcheck.sut.barrier;

import io.cutcheck.sut.barrier.ControlMessage.Abort;
import io.cutcheck.sut.barrier.ControlMessage.Complete;
import io.cutcheck.sut.barrier.ControlMessage.Restore;
import io.cutcheck.sut.barrier.ControlMessage.Run;
import io.cutcheck.sut.barrier.ControlMessage.Trigger;
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
import io.cutcheck.sut.node.PeerAddress;
import io.cutcheck.sut.storage.CheckpointStore;
import io.cutcheck.sut.storage.CorruptCheckpointException;
import io.cutcheck.sut.wire.Frame;
import io.cutcheck.sut.wire.FrameChannel;
import io.cutcheck.sut.wire.FrameServer;
import io.cutcheck.sut.wire.Dialer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;

/**
 * What every task (source, operator, sink) shares: the link to the coordinator, the epochs of global
 * restarts, the data channels, asynchronous snapshots and acks, and the control endpoint.
 * One task thread runs all task logic from the {@link Mailbox}; other threads only enqueue.
 */
abstract class TaskNode implements ControlNode {
    private static final Logger LOG = Logger.getLogger(TaskNode.class.getName());
    /** Per direction; the kernel doubles it: about 6 000 records in flight per channel, 0.1 s at full speed. */
    static final int DEFAULT_CHANNEL_BUFFER = 64 * 1024;
    protected final NodeConfig config;
    protected final Topology topology;
    protected final EventLog events;
    protected final CheckpointStore store;
    protected final BarrierDefect defect;
    protected final long incarnation = System.currentTimeMillis();
    protected final Mailbox mailbox = new Mailbox(8);
    /** Kernel buffer per direction of the data channels: records queued there delay every barrier behind them. */
    private final int channelBuffer;
    private final KnownCheckpoints known = new KnownCheckpoints();
    private final PartWriter partWriter;
    private final Map<String, FrameChannel> outputs = new LinkedHashMap<>();
    private final List<FrameChannel> inputs = new CopyOnWriteArrayList<>();
    private volatile FrameChannel coordinatorLink;
    /** The epoch the newest Restore named; set by the link thread so blocked dials give up early. */
    private volatile long announcedEpoch = -1;
    protected volatile long epoch = -1;
    protected volatile boolean running;
    private volatile NodeStatus status = NodeStatus.STARTING;
    private volatile Long restoredFrom;

    TaskNode(NodeConfig config, Topology topology, CheckpointStore store, BarrierDefect defect) {
        this.config = config;
        this.topology = topology;
        this.events = new EventLog(config.node());
        this.store = store;
        this.defect = defect;
        this.channelBuffer = (int) config.longOption("channelBufferBytes", DEFAULT_CHANNEL_BUFFER);
        this.partWriter = new PartWriter(config.node(), store, events, known, defect,
                config.longOption("snapshotDelayMs", 0), this::toCoordinator);
    }

    /** Loads state from a part payload (empty = initial state). */
    protected abstract void restoreState(long checkpoint, Optional<byte[]> payload) throws IOException;

    /** Called on the task thread when the data channels of the epoch are open. */
    protected abstract void onRun();

    /** One unit of work when running and the mailbox is empty; returns whether there may be more right away. */
    protected boolean step() {
        return false;
    }

    protected void onTrigger(long id, String reason) {
    }

    protected void onData(String channel, DataMessage message) {
    }

    /** Checkpoint {@code id} committed; emits {@code notified} once this task has acted on it. */
    protected void onComplete(long id) {
        events.append(EventType.NOTIFIED, id);
    }

    protected abstract Content content(long id, byte[] payload);

    void start() {
        events.append(EventType.STARTED, null, Map.of("incarnation", incarnation));
        new ControlServer(config.bindHost(), config.controlPort(), this, events, incarnation).start();
        if (!topology.inputsOf(config.node(), config.role()).isEmpty()) {
            new FrameServer(config.bindHost(), config.dataPort(), config.node(), channelBuffer, this::serveInput);
        }
        Threads.daemon(this::coordinatorLinkLoop, "coordinator-link").start();
        Threads.daemon(this::heartbeatLoop, "heartbeat").start();
        Thread task = new Thread(this::taskLoop, "task");
        task.start();
    }

    private void taskLoop() {
        boolean busy = false;
        while (true) {
            try {
                Runnable job = mailbox.take(running && busy ? 0 : 20, running);
                if (job != null) {
                    job.run();
                } else {
                    busy = running && step();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warning("task error: " + e);
                failed("task error: " + e.getMessage());
            }
        }
    }

    // ---- coordinator link ----

    private void coordinatorLinkLoop() {
        PeerAddress coordinator = config.nodes().get(topology.coordinator());
        while (true) {
            try (FrameChannel link = Dialer.dial(coordinator.host(), coordinator.dataPort(), 200, () -> true)) {
                link.sendNow(ControlCodec.encode(new ControlMessage.Hello(config.node(), incarnation)));
                coordinatorLink = link;
                while (true) {
                    ControlMessage message = ControlCodec.decode(link.receive());
                    if (message instanceof Restore r) {
                        announcedEpoch = r.epoch();
                        closeDataChannels();
                    }
                    mailbox.control(() -> onControl(message));
                }
            } catch (IOException e) {
                coordinatorLink = null;
                Threads.sleep(200);
            }
        }
    }

    private void heartbeatLoop() {
        while (true) {
            Threads.sleep(200);
            toCoordinator(new ControlMessage.Heartbeat(recordsRead()));
        }
    }

    protected long recordsRead() {
        return 0;
    }

    protected void toCoordinator(ControlMessage message) {
        FrameChannel link = coordinatorLink;
        if (link == null) {
            return;
        }
        try {
            link.sendNow(ControlCodec.encode(message));
        } catch (IOException e) {
            link.close();
        }
    }

    private void onControl(ControlMessage message) {
        if (message instanceof Restore r) {
            restore(r);
        } else if (message instanceof Run r && r.epoch() == epoch && openOutputs()) {
            running = true;
            status = NodeStatus.RUNNING;
            onRun();
        } else if (message instanceof Trigger t && t.epoch() == epoch && running) {
            onTrigger(t.id(), t.reason());
        } else if (message instanceof Complete c) {
            known.update(c.id(), v -> KnownCheckpoints.withStatus(v, CheckpointStatus.COMMITTED, System.currentTimeMillis()));
            onComplete(c.id());
            try {
                store.retainParts(java.util.Set.copyOf(c.retained()), c.id());
            } catch (IOException e) {
                LOG.warning("retention failed: " + e.getMessage());
            }
        } else if (message instanceof Abort a) {
            known.update(a.id(), v -> KnownCheckpoints.withStatus(v, CheckpointStatus.ABORTED, System.currentTimeMillis()));
            events.append(EventType.ABORTED, a.id(), Map.of("cause", a.cause()));
        }
    }

    private void restore(Restore r) {
        running = false;
        status = NodeStatus.RECOVERING;
        epoch = r.epoch();
        closeDataChannels();
        long checkpoint = r.checkpoint();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("checkpoint", checkpoint > 0 ? checkpoint : null);
        events.append(EventType.RESTORE_STARTED, checkpoint > 0 ? checkpoint : null, detail);
        try {
            Optional<byte[]> payload = Optional.empty();
            if (checkpoint > 0 && (r.part().isPresent() || store.hasPart(checkpoint, config.node()))) {
                // with the metadata's record of the part, size and checksum must match it; without, the part's own
                payload = Optional.of(store.readPart(checkpoint, config.node(), r.part()));
            }
            restoreState(checkpoint, payload);
        } catch (CorruptCheckpointException e) {
            toCoordinator(new ControlMessage.RestoreFailed(r.epoch(), checkpoint, e.getMessage()));
            return;
        } catch (IOException e) {
            toCoordinator(new ControlMessage.RestoreFailed(r.epoch(), checkpoint, String.valueOf(e.getMessage())));
            return;
        }
        discardAbove(checkpoint);
        restoredFrom = checkpoint > 0 ? checkpoint : null;
        events.append(EventType.RESTORED, restoredFrom);
        toCoordinator(new ControlMessage.Restored(r.epoch(), checkpoint));
    }

    /**
     * Drops the parts of checkpoints newer than the one restored, once the part writer has
     * finished what it was writing into them. Failing to drop one is no reason to refuse a good
     * checkpoint: a leftover part is overwritten when its id is written again.
     */
    private void discardAbove(long checkpoint) {
        partWriter.awaitQueued();
        try {
            store.discardAbove(checkpoint);
        } catch (IOException e) {
            LOG.warning("parts above checkpoint " + checkpoint + " not all discarded: " + e.getMessage());
        }
    }

    // ---- data channels ----

    private void serveInput(FrameChannel channel) {
        try (channel) {
            DataMessage first = DataCodec.decode(channel.receive());
            if (!(first instanceof DataMessage.Hello hello) || hello.epoch() != epoch) {
                return;
            }
            inputs.add(channel);
            try {
                while (true) {
                    DataMessage message = DataCodec.decode(channel.receive());
                    long channelEpoch = hello.epoch();
                    mailbox.data(() -> {
                        if (channelEpoch == epoch && running) {
                            onData(hello.sender(), message);
                        }
                    });
                }
            } catch (IOException e) {
                if (hello.epoch() == epoch && !channel.isClosed()) {
                    toCoordinator(new ControlMessage.ChannelFailed(hello.epoch(), "input from " + hello.sender() + " broke"));
                }
            } finally {
                inputs.remove(channel);
            }
        } catch (IOException | InterruptedException e) {
            // a connection that never said hello, or shutdown
        }
    }

    private boolean openOutputs() {
        long myEpoch = epoch;
        for (String peer : topology.outputsOf(config.node(), config.role())) {
            PeerAddress address = config.nodes().get(peer);
            try {
                FrameChannel channel = Dialer.dial(address.host(), address.dataPort(), 100,
                        () -> announcedEpoch == myEpoch || announcedEpoch < 0, channelBuffer);
                channel.sendNow(DataCodec.hello(config.node(), myEpoch));
                synchronized (outputs) {
                    outputs.put(peer, channel);
                }
            } catch (IOException e) {
                toCoordinator(new ControlMessage.ChannelFailed(myEpoch, "cannot reach " + peer + ": " + e.getMessage()));
                return false;
            }
        }
        return true;
    }

    /** Sends a frame to a downstream peer (buffered); a broken channel stops the task until the next restore. */
    protected void send(String peer, Frame frame) {
        FrameChannel channel;
        synchronized (outputs) {
            channel = outputs.get(peer);
        }
        if (channel == null || !running) {
            return;
        }
        try {
            channel.send(frame);
        } catch (IOException e) {
            failed("output to " + peer + " broke: " + e.getMessage());
        }
    }

    protected void flushOutputs() {
        List<Map.Entry<String, FrameChannel>> channels;
        synchronized (outputs) {
            channels = new ArrayList<>(outputs.entrySet());
        }
        for (Map.Entry<String, FrameChannel> e : channels) {
            try {
                e.getValue().flush();
            } catch (IOException ex) {
                failed("output to " + e.getKey() + " broke: " + ex.getMessage());
            }
        }
    }

    protected void failed(String cause) {
        if (running) {
            running = false;
            toCoordinator(new ControlMessage.ChannelFailed(epoch, cause));
        }
    }

    private void closeDataChannels() {
        synchronized (outputs) {
            outputs.values().forEach(FrameChannel::close);
            outputs.clear();
        }
        inputs.forEach(FrameChannel::close);
    }

    // ---- snapshots ----

    /** Writes this task's part of {@code id} off the task thread, then acknowledges it to the coordinator. */
    protected void snapshot(long id, byte[] payload, Map<Integer, Long> positions) {
        snapshot(id, payload, positions, epoch);
    }

    /** As {@link #snapshot(long, byte[], Map)}, for a snapshot taken in {@code ackEpoch} but written later. */
    protected void snapshot(long id, byte[] payload, Map<Integer, Long> positions, long ackEpoch) {
        partWriter.write(id, payload, positions, ackEpoch);
    }

    // ---- control endpoint ----

    @Override
    public Health health() {
        return new Health(1, config.system(), config.node(), config.role(), status, incarnation, restoredFrom);
    }

    @Override
    public List<CheckpointView> checkpoints() {
        return known.all();
    }

    @Override
    public Optional<Content> content(long id) throws Exception {
        if (!store.hasPart(id, config.node())) {
            return Optional.empty();
        }
        return Optional.of(content(id, store.readPart(id, config.node(), Optional.empty())));
    }

    @Override
    public long trigger(String reason) throws TriggerRejectedException {
        throw new TriggerRejectedException("only the coordinator triggers checkpoints");
    }

    @Override
    public TriggerSettings triggers() {
        return new TriggerSettings(config.checkpoint().intervalMs(), config.checkpoint().everyRecords());
    }

    @Override
    public TriggerSettings updateTriggers(Long intervalMs, Long everyRecords) throws TriggerRejectedException {
        throw new TriggerRejectedException("only the coordinator has triggers");
    }
}
