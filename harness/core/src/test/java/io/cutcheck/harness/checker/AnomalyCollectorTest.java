package io.cutcheck.harness.checker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AnomalyCollectorTest {

    @Test
    void keepsTheFirstExamplesOfEachTypeAndSummarizesTheRest() {
        AnomalyCollector collector = new AnomalyCollector(2);
        for (int i = 0; i < 5; i++) {
            collector.add(Anomaly.of("lost-record", "lost " + i));
        }
        collector.add(Anomaly.of("duplicate-record", "dup"));

        assertThat(collector.anomalies()).extracting(Anomaly::explanation)
                .containsExactly("lost 0", "lost 1", "dup", "3 more lost-record anomalies like the ones above (5 in all).");
        assertThat(collector.counts()).containsEntry("lost-record", 5L).containsEntry("duplicate-record", 1L);
    }
}
