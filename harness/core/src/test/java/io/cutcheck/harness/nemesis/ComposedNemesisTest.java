package io.cutcheck.harness.nemesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ComposedNemesisTest {

    /** Records what it was asked to do. */
    static final class Recording implements Nemesis {
        final Set<String> kinds;
        final List<String> calls;
        boolean failHealAll;
        boolean failHeal;

        Recording(String... kinds) {
            this(new ArrayList<>(), kinds);
        }

        /** Writes into a shared call log, to see the order across nemeses. */
        Recording(List<String> calls, String... kinds) {
            this.kinds = Set.of(kinds);
            this.calls = calls;
        }

        @Override
        public Set<String> kinds() {
            return kinds;
        }

        @Override
        public void inject(Fault fault, FaultContext context) {
            calls.add("inject " + fault.kind());
        }

        @Override
        public void heal(Fault fault, FaultContext context) {
            calls.add("heal " + fault.kind());
            if (failHeal) {
                throw new IllegalStateException("cannot heal " + fault.kind());
            }
        }

        @Override
        public void healAll(FaultContext context) {
            calls.add("healAll");
            if (failHealAll) {
                throw new IllegalStateException("cannot heal");
            }
        }
    }

    static final FaultContext NO_NODES = List::of;

    static Fault fault(String kind) {
        return new Fault(0, kind, List.of("n0"), 0, 100);
    }

    @Test
    void routesEachFaultToTheNemesisClaimingItsKind() throws Exception {
        Recording process = new Recording("kill", "pause");
        Recording network = new Recording("partition");
        ComposedNemesis both = ComposedNemesis.of(List.of(process, network));
        both.inject(fault("pause"), NO_NODES);
        both.inject(fault("partition"), NO_NODES);
        both.heal(fault("partition"), NO_NODES);
        assertThat(both.kinds()).containsExactlyInAnyOrder("kill", "pause", "partition");
        assertThat(process.calls).containsExactly("inject pause");
        assertThat(network.calls).containsExactly("inject partition", "heal partition");
    }

    @Test
    void aCompoundFaultInjectsAndHealsItsPartsInOrderOnTheSameTargets() throws Exception {
        List<String> log = new ArrayList<>();
        Recording disk = new Recording(log, "slow-disk");
        Recording process = new Recording(log, "kill-after-ack");
        disk.failHeal = true;
        ComposedNemesis both = ComposedNemesis.of(List.of(process, disk));
        both.inject(fault("slow-disk+kill-after-ack"), NO_NODES);
        assertThatThrownBy(() -> both.heal(fault("slow-disk+kill-after-ack"), NO_NODES))
                .hasMessage("cannot heal slow-disk");
        assertThat(log).containsExactly("inject slow-disk", "inject kill-after-ack",
                "heal slow-disk", "heal kill-after-ack");
        assertThat(ComposedNemesis.parts("a+b")).containsExactly("a", "b");
        assertThat(ComposedNemesis.parts("a")).containsExactly("a");
    }

    @Test
    void twoNemesesClaimingOneKindAreRefused() {
        assertThatThrownBy(() -> ComposedNemesis.of(List.of(new Recording("kill"), new Recording("pause", "kill"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'kill'");
    }

    @Test
    void anUnclaimedKindIsAnError() {
        ComposedNemesis only = ComposedNemesis.of(List.of(new Recording("kill")));
        assertThatThrownBy(() -> only.inject(fault("partition"), NO_NODES)).hasMessageContaining("partition");
    }

    @Test
    void healAllAsksEveryPartEvenWhenOneFails() {
        Recording failing = new Recording("kill");
        failing.failHealAll = true;
        Recording other = new Recording("partition");
        ComposedNemesis both = ComposedNemesis.of(List.of(failing, other));
        assertThatThrownBy(() -> both.healAll(NO_NODES)).hasMessage("cannot heal");
        assertThat(other.calls).containsExactly("healAll");
    }

    @Test
    void noNemesisAtAllIsFine() throws Exception {
        ComposedNemesis none = ComposedNemesis.of(List.of());
        assertThat(none.kinds()).isEmpty();
        none.healAll(NO_NODES);
    }
}
