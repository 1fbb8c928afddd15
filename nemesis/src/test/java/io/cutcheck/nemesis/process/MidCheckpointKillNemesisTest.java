package io.cutcheck.nemesis.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.cutcheck.harness.nemesis.Fault;
import io.cutcheck.harness.nemesis.FaultContext;
import io.cutcheck.harness.runtime.Node;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The aimed kill against a committer that refuses twice (one in flight), then triggers. */
class MidCheckpointKillNemesisTest {

    HttpServer committerApi;
    final AtomicInteger triggerCalls = new AtomicInteger();
    final List<String> order = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        committerApi = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        committerApi.createContext("/checkpoints/trigger", exchange -> {
            int call = triggerCalls.incrementAndGet();
            boolean accept = call >= 3;
            byte[] body = (accept ? "{\"id\":7}" : "{\"error\":\"checkpoint 6 in flight\"}")
                    .getBytes(StandardCharsets.UTF_8);
            if (accept) {
                order.add("triggered");
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(accept ? 202 : 409, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        committerApi.start();
    }

    @AfterEach
    void stop() {
        committerApi.stop(0);
    }

    class Committer extends ProcessNemesisTest.FakeNode {
        Committer() {
            super("coordinator");
        }

        @Override
        public URI controlUri() {
            return URI.create("http://127.0.0.1:" + committerApi.getAddress().getPort());
        }
    }

    @Test
    void killsTheTargetsRightAfterTheCommitterAcceptsATrigger() throws Exception {
        Committer coordinator = new Committer();
        ProcessNemesisTest.FakeNode operator = new ProcessNemesisTest.FakeNode("operator-0") {
            @Override
            public void kill() {
                super.kill();
                order.add("killed " + name());
            }
        };
        FaultContext context = FaultContext.of(() -> List.<Node>of(coordinator, operator), "coordinator");
        MidCheckpointKillNemesis nemesis = MidCheckpointKillNemesis.atTrigger();
        Fault fault = new Fault(0, MidCheckpointKillNemesis.KIND, List.of("operator-0"), 0, 100);

        nemesis.inject(fault, context);

        assertThat(triggerCalls).hasValue(3);
        assertThat(order).containsExactly("triggered", "killed operator-0");
        assertThat(coordinator.log).isEmpty();
        nemesis.heal(fault, context);
        assertThat(operator.log).containsExactly("kill", "restart");
    }

    /**
     * A committer that refuses every trigger (its automatic checkpoints keep one in flight) still
     * gets its target killed at the target's next ack, of the checkpoint in flight: one trigger
     * attempt, no error.
     */
    @Test
    void killsAfterTheNextAckEvenWhenEveryTriggerIsRefused() throws Exception {
        AtomicInteger eventPolls = new AtomicInteger();
        HttpServer operatorApi = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        serveEvents(operatorApi, eventPolls, poll -> poll < 4 ? "[]" : "[{\"type\":\"ack-sent\",\"checkpoint\":6}]");
        operatorApi.start();
        triggerCalls.set(-100);
        try {
            ProcessNemesisTest.FakeNode operator = new KilledAtPoll(eventPolls, operatorApi);
            Committer coordinator = new Committer();
            FaultContext context = FaultContext.of(() -> List.<Node>of(coordinator, operator), "coordinator");
            Fault fault = new Fault(0, MidCheckpointKillNemesis.AFTER_ACK_KIND, List.of("operator-0"), 0, 100);

            MidCheckpointKillNemesis.afterAck().inject(fault, context);

            assertThat(triggerCalls).as("one attempt, refused").hasValue(-99);
            assertThat(order).containsExactly("killed at poll 4");
        } finally {
            operatorApi.stop(0);
        }
    }

    /**
     * Only the commit of a checkpoint triggered under the fault counts: the one in flight when it
     * began (6) commits first and is let go; the targets die at 7's commit.
     */
    @Test
    void killsAfterTheCommitOfACheckpointBegunUnderTheFault() throws Exception {
        AtomicInteger eventPolls = new AtomicInteger();
        List<String> pages = List.of("[]", "[{\"type\":\"committed\",\"checkpoint\":6}]",
                "[{\"type\":\"triggered\",\"checkpoint\":7}]", "[]", "[{\"type\":\"committed\",\"checkpoint\":7}]");
        serveEvents(committerApi, eventPolls, poll -> pages.get(Math.min(poll, pages.size()) - 1));
        ProcessNemesisTest.FakeNode operator = new KilledAtPoll(eventPolls, null);
        Committer coordinator = new Committer();
        FaultContext context = FaultContext.of(() -> List.<Node>of(coordinator, operator), "coordinator");
        Fault fault = new Fault(0, MidCheckpointKillNemesis.AFTER_COMMIT_KIND, List.of("operator-0"), 0, 100);

        MidCheckpointKillNemesis.afterCommit().inject(fault, context);

        assertThat(triggerCalls).as("one attempt, refused").hasValue(1);
        assertThat(order).containsExactly("killed at poll 5");
        assertThat(coordinator.log).isEmpty();
    }

    /** Only the kill at an acknowledgement needs a target that acknowledges, also inside a compound kind. */
    @Test
    void onlyKillAfterAckAimsAtAcknowledgements() {
        io.cutcheck.harness.nemesis.ComposedNemesis all = io.cutcheck.harness.nemesis.ComposedNemesis.of(List.of(
                MidCheckpointKillNemesis.afterAck(), MidCheckpointKillNemesis.afterCommit(),
                MidCheckpointKillNemesis.atTrigger(), new KillNemesis()));
        assertThat(all.aimsAtAcknowledgements("kill-after-ack")).isTrue();
        assertThat(all.aimsAtAcknowledgements("kill+kill-after-ack")).isTrue();
        assertThat(all.aimsAtAcknowledgements("kill-after-commit")).isFalse();
        assertThat(all.aimsAtAcknowledgements("kill-mid-checkpoint")).isFalse();
        assertThat(all.aimsAtAcknowledgements("kill")).isFalse();
    }

    /** Serves {@code /events}: poll n (from 1) gets {@code events(n)} and next = n. */
    static void serveEvents(HttpServer api, AtomicInteger polls, IntFunction<String> events) {
        api.createContext("/events", exchange -> {
            int poll = polls.incrementAndGet();
            byte[] body = ("{\"incarnation\":1,\"events\":" + events.apply(poll) + ",\"next\":" + poll + "}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
    }

    /** operator-0, serving control on {@code api} if given, noting at which events poll it was killed. */
    class KilledAtPoll extends ProcessNemesisTest.FakeNode {
        private final AtomicInteger polls;
        private final HttpServer api;

        KilledAtPoll(AtomicInteger polls, HttpServer api) {
            super("operator-0");
            this.polls = polls;
            this.api = api;
        }

        @Override
        public URI controlUri() {
            return api == null ? super.controlUri() : URI.create("http://127.0.0.1:" + api.getAddress().getPort());
        }

        @Override
        public void kill() {
            super.kill();
            order.add("killed at poll " + polls.get());
        }
    }
}
