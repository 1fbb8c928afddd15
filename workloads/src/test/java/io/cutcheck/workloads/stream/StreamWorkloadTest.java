package io.cutcheck.workloads.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.cutcheck.harness.history.Op;
import io.cutcheck.harness.history.OpType;
import io.cutcheck.harness.schedule.Planned;
import io.cutcheck.harness.schedule.Schedule;
import io.cutcheck.harness.workload.WorkloadSettings;
import io.cutcheck.workloads.append.AppendClient;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StreamWorkloadTest {

    private final StreamWorkload workload = new StreamWorkload();
    private final WorkloadSettings settings = new WorkloadSettings(3, 1_000, 10_000, 4);

    @Test
    void theSameSeedGivesTheSamePlanAndAnotherSeedAnother() {
        assertThat(workload.operations(settings, 7)).isEqualTo(workload.operations(settings, 7));
        assertThat(workload.operations(settings, 7)).isNotEqualTo(workload.operations(settings, 8));
    }

    @Test
    void thePlanCarriesTheRateOverTheTimeLimitInKeyedBatches() {
        Schedule<Op> plan = workload.operations(settings, 42);
        long records = 0;
        Set<Integer> partitions = new HashSet<>();
        Set<Integer> processes = new HashSet<>();
        for (Planned<Op> item : plan.items()) {
            Op op = item.what();
            assertThat(op.type()).isEqualTo(OpType.INVOKE);
            assertThat(op.f()).isEqualTo(AppendClient.APPEND);
            assertThat(item.atMillis()).isBetween(0L, settings.timeLimitMillis() - 1);
            partitions.add(op.value().get("partition").asInt());
            processes.add(op.process());
            for (var record : op.value().get("records")) {
                assertThat(record.get("key").asText()).matches("k\\d+");
                assertThat(record.get("value").asInt()).isBetween(1, 9);
                assertThat(record.has("offset")).isFalse();
                records++;
            }
        }
        assertThat(records).isBetween(9_900L, 10_100L);
        assertThat(partitions).containsExactlyInAnyOrder(0, 1, 2);
        assertThat(processes).containsExactlyInAnyOrder(0, 1, 2, 3);
        assertThat(plan.items().get(plan.items().size() - 1).atMillis()).isGreaterThan(9_500);
    }

    @Test
    void atLeastTwoPartitionsSoThatSourcesInterleave() {
        assertThat(workload.partitions(new WorkloadSettings(1, 10, 1_000, 1))).isEqualTo(2);
        assertThat(workload.partitions(settings)).isEqualTo(3);
    }

    @Test
    void noTimeMeansNoOperations() {
        assertThat(workload.operations(new WorkloadSettings(2, 100, 0, 1), 1).items()).isEmpty();
    }
}
