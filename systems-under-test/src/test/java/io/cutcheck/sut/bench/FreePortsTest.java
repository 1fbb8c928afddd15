package io.cutcheck.sut.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FreePortsTest {

    @Test
    void neverHandsOutAPortTwiceWithinWhatItRemembers() {
        Set<Integer> drawn = new HashSet<>();
        for (int i = 0; i < 3000; i++) {
            assertThat(drawn.add(FreePorts.next())).as("draw %d repeated a port", i).isTrue();
        }
        assertThat(drawn).allMatch(p -> p >= 20_000 && p < 32_000);
    }
}
