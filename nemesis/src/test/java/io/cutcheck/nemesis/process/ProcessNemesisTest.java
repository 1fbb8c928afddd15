package io.cutcheck.nemesis.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cutcheck.harness.nemesis.ComposedNemesis;
import io.cutcheck.harness.nemesis.Fault;
import io.cutcheck.harness.nemesis.FaultContext;
import io.cutcheck.harness.runtime.Node;
import io.cutcheck.harness.runtime.Pausable;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessNemesisTest {

    /** A node that only records what was done to it. */
    static class FakeNode implements Node {
        final String name;
        final List<String> log = new ArrayList<>();
        boolean alive = true;

        FakeNode(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String role() {
            return "peer";
        }

        @Override
        public URI controlUri() {
            return URI.create("http://127.0.0.1:1");
        }

        @Override
        public boolean isAlive() {
            return alive;
        }

        @Override
        public void kill() {
            alive = false;
            log.add("kill");
        }

        @Override
        public void restart() {
            alive = true;
            log.add("restart");
        }

        @Override
        public Path logFile() {
            return Path.of("/dev/null");
        }
    }

    static final class PausableNode extends FakeNode implements Pausable {
        PausableNode(String name) {
            super(name);
        }

        @Override
        public void pause() {
            log.add("pause");
        }

        @Override
        public void resume() {
            log.add("resume");
        }
    }

    static Fault fault(String kind, String... targets) {
        return new Fault(0, kind, List.of(targets), 0, 100);
    }

    @Test
    void killThenHealRestartsTheTargetsOnly() {
        FakeNode a = new FakeNode("a");
        FakeNode b = new FakeNode("b");
        FaultContext context = () -> List.of(a, b);
        KillNemesis kill = new KillNemesis();
        kill.inject(fault("kill", "a"), context);
        assertThat(a.isAlive()).isFalse();
        kill.heal(fault("kill", "a"), context);
        assertThat(a.log).containsExactly("kill", "restart");
        assertThat(b.log).isEmpty();
    }

    @Test
    void killHealAllRestartsWhatItKilledAndAnyDeadNode() {
        FakeNode a = new FakeNode("a");
        FakeNode b = new FakeNode("b");
        FakeNode c = new FakeNode("c");
        c.alive = false;
        KillNemesis kill = new KillNemesis();
        kill.inject(fault("kill", "a"), () -> List.of(a, b, c));
        kill.healAll(() -> List.of(a, b, c));
        kill.healAll(() -> List.of(a, b, c));
        assertThat(a.log).containsExactly("kill", "restart");
        assertThat(b.log).isEmpty();
        assertThat(c.log).containsExactly("restart");
    }

    @Test
    void pauseAndResumeOnlyWhatItPaused() {
        PausableNode a = new PausableNode("a");
        PausableNode b = new PausableNode("b");
        PauseNemesis pause = new PauseNemesis();
        pause.inject(fault("pause", "a", "b"), () -> List.of(a, b));
        pause.healAll(() -> List.of(a, b));
        pause.healAll(() -> List.of(a, b));
        assertThat(a.log).containsExactly("pause", "resume");
        assertThat(b.log).containsExactly("pause", "resume");
    }

    @Test
    void pausingANodeThatCannotBePausedIsRefusedBeforeAnythingHappens() {
        PausableNode a = new PausableNode("a");
        FakeNode b = new FakeNode("b");
        assertThatThrownBy(() -> new PauseNemesis().inject(fault("pause", "a", "b"), () -> List.of(a, b)))
                .hasMessageContaining("cannot pause");
        assertThat(a.log).isEmpty();
    }

    @Test
    void unknownTargetIsAnError() {
        assertThatThrownBy(() -> new KillNemesis().inject(fault("kill", "ghost"), List::of))
                .hasMessageContaining("ghost");
    }

    @Test
    void killAndPauseComposeAndTwoKillsDoNot() throws Exception {
        PausableNode a = new PausableNode("a");
        ComposedNemesis both = ComposedNemesis.of(List.of(new KillNemesis(), new PauseNemesis()));
        both.inject(fault("pause", "a"), () -> List.of(a));
        both.heal(fault("pause", "a"), () -> List.of(a));
        both.inject(fault("kill", "a"), () -> List.of(a));
        both.healAll(() -> List.of(a));
        assertThat(a.log).containsExactly("pause", "resume", "kill", "restart");
        assertThatThrownBy(() -> ComposedNemesis.of(List.of(new KillNemesis(), new KillNemesis())))
                .hasMessageContaining("'kill'");
    }
}
