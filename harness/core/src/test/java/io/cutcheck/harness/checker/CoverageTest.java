package io.cutcheck.harness.checker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CoverageTest {

    private static final Coverage NONE_OF_46 = new Coverage(0, 46, "committed checkpoints", "46 had no content fetched");
    private static final Coverage THREE_OF_46 = new Coverage(3, 46, "committed checkpoints", "43 had no content fetched");

    @Test
    void nothingJudgedOfSomethingIsUnknownWithTheCoverageAsTheReasonNeverValid() {
        CheckResult result = CheckResult.judged("cut", List.of(), Map.of(), NONE_OF_46);

        assertThat(result.validity()).isEqualTo(Validity.UNKNOWN);
        assertThat(result.anomalies()).singleElement().satisfies(a -> {
            assertThat(a.type()).isEqualTo("too-little-judged");
            assertThat(a.explanation()).contains("judged 0 of 46 committed checkpoints; 46 had no content fetched");
        });
        assertThat(result.coverage()).isEqualTo(NONE_OF_46);
    }

    @Test
    void aPartialJudgementIsValidAndItsVerdictLineSaysHowPartial() {
        CheckResult result = CheckResult.judged("cut", List.of(), Map.of(), THREE_OF_46);

        assertThat(result.validity()).isEqualTo(Validity.VALID);
        assertThat(result.verdictLine())
                .isEqualTo("valid (judged 3 of 46 committed checkpoints; 43 had no content fetched)");
    }

    @Test
    void whatWasFoundWrongStaysInvalidHoweverLittleWasJudged() {
        CheckResult result = CheckResult.judged("cut", List.of(Anomaly.of("inconsistent-cut", "x")), Map.of(),
                new Coverage(1, 46, "committed checkpoints", null));
        assertThat(result.validity()).isEqualTo(Validity.INVALID);
    }

    @Test
    void aCompleteJudgementSaysOnlyItsVerdict() {
        CheckResult result = CheckResult.judged("restores", List.of(), Map.of(), Coverage.all(4, "restores"));
        assertThat(result.verdictLine()).isEqualTo("valid");
        assertThat(Coverage.all(0, "restores").belowFloor()).isFalse();
    }

    @Test
    void moreJudgedThanThereWereIsRefused() {
        assertThatThrownBy(() -> new Coverage(5, 4, "restores", null)).isInstanceOf(IllegalArgumentException.class);
    }
}
