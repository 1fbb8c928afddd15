package io.cutcheck.harness.checker;

import static org.assertj.core.api.Assertions.assertThat;

import io.cutcheck.harness.observe.FaultRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuietWindowTest {

    private static FaultRecord fault(int id, long start, Long heal) {
        return new FaultRecord(id, "kill", List.of("a"), start, heal, null);
    }

    @Test
    void overlappingFaultsMakeOneNoisyStretch() {
        assertThat(QuietWindow.of(List.of(fault(0, 10, 30L), fault(1, 20, 40L), fault(2, 50, 60L)), 0, 100))
                .containsExactly(new QuietWindow(0, 10, List.of(), false),
                        new QuietWindow(40, 50, List.of(0, 1), false),
                        new QuietWindow(60, 100, List.of(2), true));
    }

    @Test
    void noFaultsIsOneQuietRunAndAnUnhealedFaultEndsIt() {
        assertThat(QuietWindow.of(List.of(), 0, 100)).containsExactly(new QuietWindow(0, 100, List.of(), true));
        assertThat(QuietWindow.of(List.of(fault(0, 10, null)), 0, 100))
                .containsExactly(new QuietWindow(0, 10, List.of(), false));
    }
}
