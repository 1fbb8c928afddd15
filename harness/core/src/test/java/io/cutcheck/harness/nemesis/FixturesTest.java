package io.cutcheck.harness.nemesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cutcheck.harness.runtime.NodeAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FixturesTest {

    /** A nemesis whose fixture moves every peer's data port and data directory, and records closing. */
    static final class Shifting implements Nemesis {
        final int by;
        final List<String> closed;
        final boolean failPrepare;

        Shifting(int by, List<String> closed, boolean failPrepare) {
            this.by = by;
            this.closed = closed;
            this.failPrepare = failPrepare;
        }

        @Override
        public Set<String> kinds() {
            return Set.of("shift" + by);
        }

        @Override
        public Fixture prepare(FixtureSite site) {
            if (failPrepare) {
                throw new IllegalStateException("no room for fixture " + by);
            }
            return new Fixture() {
                @Override
                public Map<String, NodeAddress> peersSeenBy(String node, Map<String, NodeAddress> addresses) {
                    NodeAddress a = addresses.get("b");
                    return Map.of("b", new NodeAddress("b", a.bindHost(), a.controlPort(), a.dataPort() + by, a.peerHost()));
                }

                @Override
                public Path dataDir(String node, Path dataDir) {
                    return dataDir.resolve("over" + by);
                }

                @Override
                public void close() {
                    closed.add("fixture " + by);
                }
            };
        }

        @Override
        public void inject(Fault fault, FaultContext context) {}

        @Override
        public void heal(Fault fault, FaultContext context) {}

        @Override
        public void healAll(FaultContext context) {}
    }

    static final FixtureSite SITE = new FixtureSite(null, null, Path.of("fixture"));

    @Test
    void eachFixtureSeesWhatTheOneBeforeItMadeAndTheyCloseNewestFirst() throws Exception {
        List<String> closed = new ArrayList<>();
        Fixture both = ComposedNemesis.of(List.of(new Shifting(1, closed, false), new Shifting(10, closed, false)))
                .prepare(SITE);
        Map<String, NodeAddress> seen = both.peersSeenBy("a", Map.of("b", new NodeAddress("b", "0.0.0.0", 5000, 6000, "h")));
        assertThat(seen.get("b").dataPort()).isEqualTo(6011);
        assertThat(both.dataDir("a", Path.of("data"))).isEqualTo(Path.of("data", "over1", "over10"));
        both.close();
        assertThat(closed).containsExactly("fixture 10", "fixture 1");
    }

    @Test
    void aFailedPreparationClosesWhatWasAlreadyMade() {
        List<String> closed = new ArrayList<>();
        ComposedNemesis nemesis = ComposedNemesis.of(List.of(new Shifting(1, closed, false), new Shifting(2, closed, true)));
        assertThatThrownBy(() -> nemesis.prepare(SITE)).hasMessageContaining("no room for fixture 2");
        assertThat(closed).containsExactly("fixture 1");
    }

    @Test
    void aNemesisOfProcessesOnlyNeedsNoFixture() throws Exception {
        Nemesis plain = new ComposedNemesisTest.Recording("kill");
        assertThat(plain.prepare(SITE)).isSameAs(Fixture.NONE);
    }
}
