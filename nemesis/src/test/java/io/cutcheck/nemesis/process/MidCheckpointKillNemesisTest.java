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
}
