package io.cutcheck.sut.marker;

import io.cutcheck.sut.control.ControlServer;
import io.cutcheck.sut.control.EventLog;
import io.cutcheck.sut.control.EventType;
import io.cutcheck.sut.control.TriggerSettings;
import io.cutcheck.sut.node.BadConfigException;
import io.cutcheck.sut.node.NodeConfig;
import io.cutcheck.sut.node.PeerAddress;
import io.cutcheck.sut.storage.CheckpointStore;
import io.cutcheck.sut.storage.DurableWriter;
import io.cutcheck.sut.storage.Fsync;
import io.cutcheck.sut.storage.StorageDefect;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** Starts one peer of the marker system from its node config: role {@code peer} of system {@code marker}. */
public final class MarkerNode implements AutoCloseable {

    private final ExecutorService loop = Executors.newSingleThreadExecutor(daemon("event-loop"));
    private final ExecutorService writer = Executors.newSingleThreadExecutor(daemon("part-writer"));
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(daemon("timers"));
    private final MarkerPeer peer;
    private final MarkerControl control;
    private final ControlServer server;
    private final MeshServer mesh;
    private final RecoveryRequester requester;
    private final RecoveryLeader leader;
    private InputReader reader;

    private MarkerNode(NodeConfig config) throws IOException {
        long incarnation = System.currentTimeMillis();
        PeerSettings settings = settings(config);
        EventLog events = new EventLog(config.node());
        CheckpointStore store = new CheckpointStore(config.dataDir(),
                new DurableWriter(Fsync.DISK, StorageDefect.of(config.defect())));
        SnapshotBook book = new SnapshotBook();
        book.loadCommitted(store.committed(), id -> store.metadataPath(id).toString());
        Map<String, String> controlUrls = new LinkedHashMap<>();
        Map<String, InetSocketAddress> dataAddresses = new LinkedHashMap<>();
        for (Map.Entry<String, PeerAddress> e : config.peers("peer")) {
            controlUrls.put(e.getKey(), "http://" + e.getValue().host() + ":" + e.getValue().controlPort());
            if (!e.getKey().equals(config.node())) {
                dataAddresses.put(e.getKey(), new InetSocketAddress(e.getValue().host(), e.getValue().dataPort()));
            }
        }
        String leaderNode = settings.peers().get(0);
        requester = new RecoveryRequester(config.node(), incarnation, controlUrls.get(leaderNode), this::epoch);
        peer = new MarkerPeer(settings, events, store, book, loop, writer, () -> requester.ask(epoch()));
        control = new MarkerControl(settings, incarnation, peer, store, book,
                new TriggerSettings(config.checkpoint().intervalMs(), config.checkpoint().everyRecords()));
        mesh = new MeshServer(config.bindHost(), config.dataPort(), new MeshServer.Receiver() {
            @Override
            public void message(String sender, long epoch, MeshMessage message) {
                peer.post(() -> peer.onMessage(sender, epoch, message));
            }

            @Override
            public void broken(String sender, long epoch) {
                peer.post(() -> peer.onChannelBroken(sender, epoch));
            }
        });
        leader = leaderNode.equals(config.node()) ? new RecoveryLeader(controlUrls, settings.defect()).start() : null;
        server = new ControlServer(config.bindHost(), config.controlPort(), control, events, incarnation);
        new RecoveryRoutes(peer, incarnation, leader, settings, events, config.inputLog(), dataAddresses,
                this::replaceReader).install(server);
        server.route("GET", "/balances", r -> io.cutcheck.sut.http.HttpReply.ok(balances(settings)));
        server.start();
        events.append(EventType.STARTED, null, Map.of("incarnation", incarnation));
        timers.scheduleWithFixedDelay(this::tick, 50, 50, TimeUnit.MILLISECONDS);
        requester.start();
    }

    /** Starts a peer and returns once it serves; its threads keep the process alive until it is killed. */
    public static MarkerNode start(NodeConfig config) throws IOException {
        return new MarkerNode(config);
    }

    private long epoch() {
        return peer == null ? 0 : peer.epoch();
    }

    private long lastIntervalTrigger = System.currentTimeMillis();

    /** Interval trigger and timeouts, checked every 50 ms. */
    private void tick() {
        long now = System.currentTimeMillis();
        long interval = control.triggers().intervalMs();
        if (interval > 0 && now - lastIntervalTrigger >= interval) {
            lastIntervalTrigger = now;
            if (peer.phase() == RecoveryPhase.RUNNING) {
                try {
                    control.trigger("interval");
                } catch (Exception e) {
                    // not running any more: the next interval tries again
                }
            }
        }
        peer.post(peer::abortOverdue);
    }

    private synchronized void replaceReader(InputReader next) {
        if (reader != null) {
            reader.close();
        }
        reader = next;
    }

    private Map<String, Object> balances(PeerSettings settings) throws Exception {
        LedgerState live = peer.call(peer::live);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("node", settings.node());
        body.put("balances", live == null ? Map.of() : live.balances());
        body.put("positions", Map.of(String.valueOf(settings.index()), live == null ? 0 : live.position()));
        body.put("status", peer.status());
        return body;
    }

    static PeerSettings settings(NodeConfig config) {
        if (!config.role().equals("peer")) {
            throw new BadConfigException("the marker system has only role peer, not " + config.role());
        }
        List<String> peers = config.peers("peer").stream().map(Map.Entry::getKey).toList();
        if (peers.size() < 3) {
            throw new BadConfigException("the marker system needs at least 3 peers, nodes lists " + peers.size());
        }
        if (config.dataPort() <= 0) {
            throw new BadConfigException("a marker peer needs a dataPort");
        }
        MarkerDefect defect = config.defect().flatMap(MarkerDefect::byFlag).orElse(null);
        if (config.defect().isPresent() && defect == null
                && StorageDefect.of(config.defect()) == StorageDefect.NONE) {
            throw new BadConfigException("unknown defect for the marker system: " + config.defect().get());
        }
        int accounts = (int) config.longOption("accounts", 10);
        long initialBalance = config.longOption("initialBalance", 1000);
        if (accounts < 1 || initialBalance < 0) {
            throw new BadConfigException("options accounts must be >= 1 and initialBalance >= 0");
        }
        Set<String> others = peers.stream().filter(p -> !p.equals(config.node())).collect(Collectors.toSet());
        long floor = 0;
        CheckpointStore store = new CheckpointStore(config.dataDir(), null);
        for (long id : store.ids()) {
            if (SnapshotIds.initiatorIndex(id) == config.index()) {
                floor = Math.max(floor, id);
            }
        }
        return new PeerSettings(config.node(), config.index(), peers, others, accounts, initialBalance, defect,
                config.checkpoint().timeoutMs(), config.checkpoint().retain(),
                new SnapshotIds(config.index(), System::currentTimeMillis, floor));
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void close() {
        timers.shutdownNow();
        requester.close();
        if (leader != null) {
            leader.close();
        }
        replaceReader(null);
        server.close();
        mesh.close();
        loop.shutdownNow();
        writer.shutdownNow();
    }
}
