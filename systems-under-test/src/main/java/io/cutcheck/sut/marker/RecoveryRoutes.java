package io.cutcheck.sut.marker;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutcheck.sut.control.ControlServer;
import io.cutcheck.sut.control.EventLog;
import io.cutcheck.sut.http.Request;
import io.cutcheck.sut.http.HttpReply;
import java.net.InetSocketAddress;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The marker system's recovery endpoints (PROTOCOL.md section 8): {@code POST /marker/recover} on
 * the leader, and the four steps {@code halt}, {@code restore}, {@code connect}, {@code start} on
 * every peer. A step for another epoch than the one the peer was halted in answers 409 with the
 * peer's epoch, and the leader starts a new round.
 */
final class RecoveryRoutes {
    private static final long DIAL_DEADLINE_MS = 20_000;

    private final MarkerPeer peer;
    private final long incarnation;
    private final RecoveryLeader leader;
    private final PeerSettings settings;
    private final String inputLog;
    private final Map<String, InetSocketAddress> dataAddresses;
    private final Consumer<InputReader> readers;

    RecoveryRoutes(MarkerPeer peer, long incarnation, RecoveryLeader leader, PeerSettings settings, EventLog events,
                   String inputLog, Map<String, InetSocketAddress> dataAddresses, Consumer<InputReader> readers) {
        this.peer = peer;
        this.incarnation = incarnation;
        this.leader = leader;
        this.settings = settings;
        this.inputLog = inputLog;
        this.dataAddresses = Map.copyOf(dataAddresses);
        this.readers = readers;
    }

    /** The endpoints of the recovery rounds: a request to the leader, then halt, restore, connect and start. */
    void install(ControlServer server) {
        server.route("POST", "/marker/recover", this::recover);
        server.route("POST", "/marker/halt", this::halt);
        server.route("POST", "/marker/restore", this::restore);
        server.route("POST", "/marker/connect", this::connect);
        server.route("POST", "/marker/start", this::start);
    }

    private HttpReply recover(Request r) throws Exception {
        if (leader == null) {
            return HttpReply.error(409, settings.node() + " is not the recovery leader");
        }
        JsonNode body = r.json();
        leader.request(new RecoveryLeader.Request(body.path("node").asText(), body.path("incarnation").asLong(),
                body.path("epoch").asLong()));
        return HttpReply.json(202, Map.of("queued", true));
    }

    private HttpReply halt(Request r) throws Exception {
        long epoch = r.json().path("epoch").asLong();
        if (epoch < peer.epoch()) {
            return refused("stale epoch " + epoch);
        }
        readers.accept(null);
        RestoreChoice.Report report = peer.call(() -> peer.halt(epoch));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("node", settings.node());
        body.put("incarnation", incarnation);
        body.put("epoch", epoch);
        body.put("manifests", report.manifests());
        body.put("notified", report.notified());
        body.put("parts", report.parts());
        return HttpReply.ok(body);
    }

    private HttpReply restore(Request r) throws Exception {
        JsonNode body = r.json();
        long epoch = body.path("epoch").asLong();
        JsonNode checkpoint = body.path("checkpoint");
        Long snapshot = checkpoint.isNumber() ? checkpoint.asLong() : null;
        Set<Long> committed = new HashSet<>();
        body.path("committed").forEach(n -> committed.add(n.asLong()));
        String refusal = peer.call(() -> {
            if (epoch != peer.epoch() || peer.phase() != RecoveryPhase.HALTED) {
                return "not halted in epoch " + epoch;
            }
            peer.restore(snapshot, committed);
            return null;
        });
        return refusal == null ? HttpReply.ok(Map.of("restored", String.valueOf(snapshot))) : refused(refusal);
    }

    private HttpReply connect(Request r) throws Exception {
        long epoch = r.json().path("epoch").asLong();
        if (epoch != peer.epoch() || peer.phase() != RecoveryPhase.RESTORED) {
            return refused("not restored in epoch " + epoch);
        }
        SocketLinks links = SocketLinks.dial(settings.node(), epoch, dataAddresses,
                System.currentTimeMillis() + DIAL_DEADLINE_MS,
                (broken, e) -> peer.post(() -> peer.onChannelBroken(broken, e)));
        String refusal = peer.call(() -> {
            if (epoch != peer.epoch() || peer.phase() != RecoveryPhase.RESTORED) {
                links.close();
                return "not restored in epoch " + epoch;
            }
            peer.connected(links);
            return null;
        });
        return refusal == null ? HttpReply.ok(Map.of("connected", epoch)) : refused(refusal);
    }

    private HttpReply start(Request r) throws Exception {
        long epoch = r.json().path("epoch").asLong();
        Long from = peer.call(() -> {
            if (epoch != peer.epoch() || peer.phase() != RecoveryPhase.CONNECTED) {
                return null;
            }
            peer.start();
            return peer.position();
        });
        if (from == null) {
            return refused("not connected in epoch " + epoch);
        }
        readers.accept(new InputReader(inputLog, settings.index(), from,
                batch -> peer.call(() -> {
                    peer.onInput(epoch, batch);
                    return null;
                })).start());
        return HttpReply.ok(Map.of("started", epoch, "from", from));
    }

    private HttpReply refused(String why) {
        return HttpReply.json(409, Map.of("error", why, "epoch", peer.epoch()));
    }
}
