package io.cutcheck.nemesis.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import io.cutcheck.harness.nemesis.Fault;
import io.cutcheck.harness.nemesis.FaultContext;
import io.cutcheck.harness.nemesis.FixtureSite;
import io.cutcheck.harness.runtime.NodeAddress;
import io.cutcheck.nemesis.proxy.ToxiproxyServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The network nemesis over real TCP: three stand-in nodes whose peers are configured through the
 * link proxies on the embedded server, faults injected and healed through the official client.
 */
@Timeout(value = 60, threadMode = ThreadMode.SEPARATE_THREAD)
class NetworkNemesisTest {

    static final FaultContext NO_PROCESSES = List::of;

    @TempDir
    Path dir;

    final List<ListeningNode> nodes = new ArrayList<>();
    final List<Socket> sockets = new ArrayList<>();
    final Map<String, NodeAddress> own = new LinkedHashMap<>();
    final Map<String, Map<String, NodeAddress>> seen = new LinkedHashMap<>();
    NetworkNemesis nemesis;
    LinkProxies proxies;

    @BeforeEach
    void configureThreeNodes() throws IOException {
        for (String name : List.of("a", "b", "c")) {
            ListeningNode node = new ListeningNode(name);
            nodes.add(node);
            own.put(name, node.address());
        }
        nemesis = new NetworkNemesis(java.util.EnumSet.allOf(NetworkFaultKind.class), new ToxiproxyEndpoint.Embedded());
        proxies = (LinkProxies) nemesis.prepare(new FixtureSite(new LoopbackRuntime(), null, dir));
        for (String name : own.keySet()) {
            seen.put(name, proxies.peersSeenBy(name, own));
        }
    }

    @AfterEach
    void closeAll() throws IOException {
        for (Socket s : sockets) {
            s.close();
        }
        proxies.close();
        for (ListeningNode node : nodes) {
            node.close();
        }
    }

    ListeningNode node(String name) {
        return nodes.get(List.of("a", "b", "c").indexOf(name));
    }

    /** Opens a data connection from {@code from} to {@code to} at the address {@code from}'s config names. */
    Socket dial(String from, String to) throws IOException {
        NodeAddress address = seen.get(from).get(to);
        Socket socket = new Socket(address.peerHost(), address.dataPort());
        sockets.add(socket);
        return socket;
    }

    static void await(BooleanSupplier condition, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    @Test
    void everyPeerIsDialedThroughItsOwnProxyPerLinkAndPort() throws Exception {
        assertThat(proxies.proxies()).hasSize(3 * 2 * 2);
        assertThat(seen.get("a").get("a")).isEqualTo(own.get("a"));
        assertThat(seen.get("a").get("b").dataPort()).isNotEqualTo(own.get("b").dataPort())
                .isNotEqualTo(seen.get("c").get("b").dataPort());
        assertThat(seen.get("a").get("b").controlPort()).isNotEqualTo(seen.get("a").get("b").dataPort());

        dial("a", "b").getOutputStream().write(new byte[100]);
        NodeAddress control = seen.get("c").get("b");
        try (Socket s = new Socket(control.peerHost(), control.controlPort())) {
            s.getOutputStream().write(new byte[7]);
            await(() -> node("b").receivedOnControl() == 7, 5000);
        }
        await(() -> node("b").receivedOnData() == 100, 5000);
        assertThat(node("b").receivedOnData()).isEqualTo(100);
        assertThat(node("b").receivedOnControl()).isEqualTo(7);
    }

    @Test
    void aOneWayPartitionHoldsOneDirectionAndHealingDeliversWhatWasHeld() throws Exception {
        Socket aToB = dial("a", "b");
        Socket bToA = dial("b", "a");
        Fault fault = new Fault(0, "partition-one-way", List.of("a"), 0, 1000);
        nemesis.inject(fault, NO_PROCESSES);

        aToB.getOutputStream().write(new byte[500]);
        bToA.getOutputStream().write(new byte[300]);
        await(() -> node("a").receivedOnData() == 300, 5000);
        Thread.sleep(300);
        assertThat(node("a").receivedOnData()).as("b still reaches a").isEqualTo(300);
        assertThat(node("b").receivedOnData()).as("a does not reach b").isZero();

        nemesis.heal(fault, NO_PROCESSES);
        await(() -> node("b").receivedOnData() == 500, 5000);
        assertThat(node("b").receivedOnData()).as("held, not lost").isEqualTo(500);
    }

    @Test
    void latencyDelaysTheTargetsLinksOnly() throws Exception {
        nemesis.inject(new Fault(1, "latency", List.of("c"), 0, 1000), NO_PROCESSES);

        long toC = timeToDeliver("a", "c");
        // the fastest of three, so one scheduling hiccup of a loaded machine does not count as latency
        long toB = Math.min(timeToDeliver("a", "b"), Math.min(timeToDeliver("a", "b"), timeToDeliver("a", "b")));

        assertThat(toC).as("a->c, a link of the target: at least latency - jitter").isGreaterThanOrEqualTo(100);
        assertThat(toB).as("a->b, not touched").isLessThan(100);
    }

    long timeToDeliver(String from, String to) throws Exception {
        Socket socket = dial(from, to);
        long before = node(to).receivedOnData();
        long start = System.nanoTime();
        socket.getOutputStream().write(new byte[10]);
        await(() -> node(to).receivedOnData() == before + 10, 5000);
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Test
    void resetBreaksTheConnectionsOfTheTarget() throws Exception {
        Socket aToB = dial("a", "b");
        nemesis.inject(new Fault(2, "reset", List.of("b"), 0, 1000), NO_PROCESSES);

        aToB.setSoTimeout(5000);
        aToB.getOutputStream().write(new byte[10]);
        InputStream in = aToB.getInputStream();
        int read;
        try {
            read = in.read();
        } catch (IOException reset) {
            read = -1;
        }
        assertThat(read).as("the connection ended").isEqualTo(-1);
    }

    @Test
    void healAllRemovesEveryToxicAndLeavesTheLinksWorking() throws Exception {
        nemesis.inject(new Fault(0, "partition-one", List.of("a"), 0, 1000), NO_PROCESSES);
        nemesis.inject(new Fault(1, "bandwidth", List.of("b"), 0, 1000), NO_PROCESSES);
        nemesis.inject(new Fault(2, "slicer", List.of("c"), 0, 1000), NO_PROCESSES);
        ToxiproxyClient client = proxies.client();
        assertThat(client.getProxies().stream().mapToInt(p -> toxicCount(p))).anyMatch(n -> n > 0);
        dial("c", "a").getOutputStream().write(new byte[2000]);
        Thread.sleep(200);
        assertThat(node("a").receivedOnData()).as("a is cut off").isZero();

        nemesis.healAll(NO_PROCESSES);
        nemesis.healAll(NO_PROCESSES);

        assertThat(client.getProxies()).allMatch(p -> toxicCount(p) == 0);
        await(() -> node("a").receivedOnData() == 2000, 5000);
        assertThat(node("a").receivedOnData()).as("what was held arrives").isEqualTo(2000);
        long fastest = Math.min(timeToDeliver("c", "a"), Math.min(timeToDeliver("c", "a"), timeToDeliver("c", "a")));
        assertThat(fastest).as("no toxic left on c->a").isLessThan(100);
    }

    static int toxicCount(eu.rekawek.toxiproxy.Proxy proxy) {
        try {
            return proxy.toxics().getAll().size();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theFixtureRecordsItsProxiesAndEveryFaultsLinks() throws Exception {
        Fault fault = new Fault(5, "partition-one", List.of("b"), 0, 1000);
        nemesis.inject(fault, NO_PROCESSES);
        nemesis.heal(fault, NO_PROCESSES);

        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("network.jsonl"))) {
            lines.add(new ObjectMapper().readTree(line));
        }
        assertThat(lines.get(0).path("event").asText()).isEqualTo("server");
        assertThat(lines.stream().filter(l -> l.path("event").asText().equals("proxy"))).hasSize(12);
        JsonNode inject = lines.stream().filter(l -> l.path("event").asText().equals("inject")).findFirst().orElseThrow();
        assertThat(inject.path("shape").asText()).isEqualTo("one");
        assertThat(inject.path("links")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("a->b", "b->a", "b->c", "c->b");
        assertThat(lines.get(lines.size() - 1).path("event").asText()).isEqualTo("heal");
    }

    @Test
    void closingStopsTheEmbeddedServerAndEveryProxy() throws Exception {
        NodeAddress viaProxy = seen.get("a").get("b");
        proxies.close();
        proxies.close();

        assertThatThrownBy(() -> new Socket(viaProxy.peerHost(), viaProxy.dataPort()).close())
                .isInstanceOf(ConnectException.class);
        assertThatThrownBy(() -> proxies.peersSeenBy("a", own)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void onAnExternalServerOnlyThisRunsProxiesAreRemoved() throws Exception {
        try (ToxiproxyServer external = ToxiproxyServer.start("127.0.0.1", 0)) {
            ToxiproxyClient client = new ToxiproxyClient(external.host(), external.port());
            client.createProxy("someone-else", "127.0.0.1:0", "127.0.0.1:9");
            NetworkNemesis onExternal = new NetworkNemesis(java.util.Set.of(NetworkFaultKind.LATENCY),
                    NetworkNemeses.endpoint(external.baseUrl()));
            LinkProxies fixture = (LinkProxies) onExternal.prepare(new FixtureSite(new LoopbackRuntime(), null,
                    dir.resolve("external")));
            fixture.peersSeenBy("a", own);
            assertThat(client.getProxies()).hasSize(1 + 2 * 2);

            fixture.close();

            assertThat(client.getProxies()).extracting(eu.rekawek.toxiproxy.Proxy::getName).containsExactly("someone-else");
        }
    }

    @Test
    void anUnreachableExternalServerFailsInOneLine() {
        NetworkNemesis onNothing = new NetworkNemesis(java.util.Set.of(NetworkFaultKind.RESET),
                NetworkNemeses.endpoint("http://127.0.0.1:1"));
        assertThatThrownBy(() -> onNothing.prepare(new FixtureSite(new LoopbackRuntime(), null, dir)))
                .isInstanceOf(IOException.class).hasMessageStartingWith("cannot reach Toxiproxy at http://127.0.0.1:1");
    }
}
