package io.cutcheck.harness.checker;

import static io.cutcheck.harness.checker.Runs.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cutcheck.harness.observe.Observations;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompositeCheckerTest {

    /** A checker that always says the same. */
    private record Fixed(String name, Validity validity) implements Checker {
        @Override
        public CheckResult check(Observations observations) {
            return new CheckResult(name, validity, validity == Validity.VALID ? List.of() : List.of(Anomaly.of(name, name)),
                    Map.of());
        }
    }

    private static Validity merged(Validity... verdicts) {
        var checkers = new java.util.ArrayList<Checker>();
        for (int i = 0; i < verdicts.length; i++) {
            checkers.add(new Fixed("c" + i, verdicts[i]));
        }
        return new CompositeChecker("all", checkers).check(run().build()).validity();
    }

    @Test
    void theWorstVerdictWins() {
        assertThat(merged()).isEqualTo(Validity.VALID);
        assertThat(merged(Validity.VALID, Validity.VALID)).isEqualTo(Validity.VALID);
        assertThat(merged(Validity.VALID, Validity.UNKNOWN)).isEqualTo(Validity.UNKNOWN);
        assertThat(merged(Validity.INVALID, Validity.UNKNOWN)).isEqualTo(Validity.INVALID);
        assertThat(merged(Validity.UNKNOWN, Validity.INVALID, Validity.VALID)).isEqualTo(Validity.INVALID);
    }

    @Test
    void eachResultIsKeptUnderItsNameAndAThrowingCheckerIsUnknown() {
        Checker broken = new Checker() {
            public String name() {
                return "broken";
            }

            public CheckResult check(Observations o) {
                throw new IllegalStateException("boom");
            }
        };
        var result = new CompositeChecker("all", List.of(new Fixed("ok", Validity.VALID), broken)).check(run().build());
        assertThat(result.validity()).isEqualTo(Validity.UNKNOWN);
        assertThat(result.stats()).containsKeys("ok", "broken");
        assertThat(result.anomalies().get(0).explanation()).contains("boom");
    }

    @Test
    void twoCheckersWithOneNameAreRefused() {
        assertThatThrownBy(() -> new CompositeChecker("all", List.of(new Fixed("x", Validity.VALID),
                new Fixed("x", Validity.VALID)))).hasMessageContaining("two checkers named x");
    }
}
