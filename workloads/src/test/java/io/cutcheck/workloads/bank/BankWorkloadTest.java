package io.cutcheck.workloads.bank;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutcheck.harness.history.Op;
import io.cutcheck.harness.schedule.Planned;
import io.cutcheck.harness.workload.WorkloadSettings;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BankWorkloadTest {

    private final BankWorkload workload = new BankWorkload();
    private final WorkloadSettings settings = new WorkloadSettings(3, 500, 10_000, 2);

    @Test
    void theSameSeedGivesTheSamePlan() {
        assertThat(workload.operations(settings, 3)).isEqualTo(workload.operations(settings, 3));
        assertThat(workload.operations(settings, 3)).isNotEqualTo(workload.operations(settings, 4));
    }

    @Test
    void eachPartitionHoldsOnlyTransfersOutOfItsPeersAccountsWithUniqueIds() {
        Set<String> ids = new HashSet<>();
        long transfers = 0;
        for (Planned<Op> item : workload.operations(settings, 11).items()) {
            int partition = item.what().value().get("partition").asInt();
            for (JsonNode t : item.what().value().get("records")) {
                assertThat(ids.add(t.get("id").asText())).as("unique id %s", t.get("id")).isTrue();
                assertThat(BankOptions.ownerOf(t.get("from").asText())).isEqualTo("peer-" + partition);
                assertThat(t.get("to").asText()).matches("peer-[0-2]/[0-4]").isNotEqualTo(t.get("from").asText());
                assertThat(t.get("amount").asInt()).isBetween(1, BankWorkload.MAX_AMOUNT);
                transfers++;
            }
        }
        assertThat(transfers).isBetween(4_900L, 5_100L);
    }

    @Test
    void optionsNameTheBankAndReadBack() {
        var options = workload.options(settings);
        BankOptions bank = BankOptions.from(options).orElseThrow();
        assertThat(bank.peers()).isEqualTo(3);
        assertThat(bank.accounts()).isEqualTo(BankOptions.ACCOUNTS);
        // 5000 transfers over 15 accounts averaging 5.5: about 1833 each; four fifths of that
        assertThat(bank.initialBalance()).isBetween(1400L, 1500L);
        assertThat(bank.total()).isEqualTo(15 * bank.initialBalance());
        assertThat(workload.partitions(settings)).isEqualTo(3);
    }

    @Test
    void atLeastThreePeers() {
        assertThat(workload.partitions(new WorkloadSettings(1, 10, 1_000, 1))).isEqualTo(3);
    }
}
