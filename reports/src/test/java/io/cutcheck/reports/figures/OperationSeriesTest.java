package io.cutcheck.reports.figures;

import static org.assertj.core.api.Assertions.assertThat;

import io.cutcheck.harness.history.Op;
import io.cutcheck.harness.history.OpType;
import java.util.List;
import org.junit.jupiter.api.Test;

class OperationSeriesTest {

    private static Op op(long index, OpType type, int process, long ms) {
        return new Op(index, type, process, "append", null, ms * 1_000_000, 10_000 + ms, null);
    }

    @Test
    void pairsEachCompletionWithItsProcesssInvoke() {
        Operations operations = Operations.of(List.of(
                op(0, OpType.INVOKE, 0, 0), op(1, OpType.INVOKE, 1, 1), op(2, OpType.OK, 1, 4),
                op(3, OpType.INFO, 0, 500), op(4, OpType.INVOKE, 1, 600)));

        assertThat(operations.completed()).hasSize(2);
        assertThat(operations.completed().get(0).latencyMs()).isEqualTo(3.0);
        assertThat(operations.completed().get(1).latencyMs()).isEqualTo(500.0);
        assertThat(operations.pending()).isEqualTo(1);
        assertThat(operations.count(OpType.INFO)).isEqualTo(1);
        assertThat(operations.latency().max()).isEqualTo(500);
    }

    @Test
    void bucketsCompletionsByOutcomeWithLatencyPercentiles() {
        Operations operations = Operations.of(List.of(
                op(0, OpType.INVOKE, 0, 0), op(1, OpType.OK, 0, 10),
                op(2, OpType.INVOKE, 0, 20), op(3, OpType.FAIL, 0, 50),
                op(4, OpType.INVOKE, 0, 150), op(5, OpType.OK, 0, 152)));

        OperationSeries series = OperationSeries.of(operations, new RunWindow(10_000, 10_152));

        assertThat(series.bucketMs()).isEqualTo(100);
        assertThat(series.buckets()).hasSize(2);
        OperationSeries.Bucket first = series.buckets().get(0);
        assertThat(first.ok()).isEqualTo(1);
        assertThat(first.fail()).isEqualTo(1);
        assertThat(first.p50Ms()).isEqualTo(10.0);
        assertThat(first.maxMs()).isEqualTo(30.0);
        assertThat(series.buckets().get(1).startMs()).isEqualTo(100);
        assertThat(series.buckets().get(1).ok()).isEqualTo(1);
    }

    @Test
    void longerRunsGetWiderRoundBuckets() {
        assertThat(OperationSeries.widthFor(10_000)).isEqualTo(100);
        assertThat(OperationSeries.widthFor(30_000)).isEqualTo(200);
        assertThat(OperationSeries.widthFor(40_000)).isEqualTo(500);
        assertThat(OperationSeries.widthFor(600_000)).isEqualTo(5_000);
        assertThat(OperationSeries.widthFor(100 * 3_600_000L)).isEqualTo(100 * 3_600_000L / 150);
    }
}
