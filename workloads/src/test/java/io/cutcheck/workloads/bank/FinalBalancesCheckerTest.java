package io.cutcheck.workloads.bank;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cutcheck.harness.checker.Anomaly;
import io.cutcheck.harness.checker.CheckResult;
import io.cutcheck.harness.checker.Validity;
import io.cutcheck.harness.observe.Collected;
import org.junit.jupiter.api.Test;

class FinalBalancesCheckerTest {

    private final FinalBalancesChecker checker = new FinalBalancesChecker();

    private static BankRun run() {
        return BankRun.of(new String[] {"0>1/0:3", "0>0/1:5", "0>2/1:5"}, new String[] {"0>0/0:4"},
                new String[] {"1>0/1:6", "1>0/0:7"}).finalBalances();
    }

    @Test
    void balancesOfTheWholeLogAreValid() {
        CheckResult result = checker.check(run().build());
        assertThat(result.validity()).isEqualTo(Validity.VALID);
        assertThat(result.stats()).containsEntry("finalTotal", 60L);
    }

    @Test
    void aRejectedTransferAppliedAnywayIsCaught() {
        BankRun run = run();
        // peer-2/1 spent 6 of 10, so its 7 was rejected; a peer that accepted it ends 2/1 at -3 and 0/0 at +7
        ((ObjectNode) run.finalState.get("peer-2").get("balances")).put("peer-2/1", -3);
        CheckResult result = checker.check(run.build());
        assertThat(result.anomalies()).extracting(Anomaly::type).containsExactly("wrong-final-balance");
        assertThat(result.anomalies().get(0).evidence()).containsEntry("account", "peer-2/1").containsEntry("expected", 4L)
                .containsEntry("actual", -3L);
        assertThat(result.anomalies().get(0).node()).isEqualTo("peer-2");
    }

    @Test
    void withoutADrainADifferenceIsUnknownAndAMissingPeerToo() {
        BankRun run = run();
        ((ObjectNode) run.finalState.get("peer-1").get("balances")).put("peer-1/0", 10);
        run.drained = false;
        assertThat(checker.check(run.build()).validity()).isEqualTo(Validity.UNKNOWN);
        BankRun missing = run();
        missing.finalState.remove("peer-0");
        assertThat(checker.check(missing.build()).validity()).isEqualTo(Validity.UNKNOWN);
    }

    @Test
    void inputNeverCollectedIsUnknownWhateverTheBalancesSay() {
        BankRun run = run();
        ((ObjectNode) run.finalState.get("peer-2").get("balances")).put("peer-2/1", -3);
        run.collected = Collected.missing("the run ended before the input log and output store were read");
        CheckResult result = checker.check(run.build());
        assertThat(result.validity()).isEqualTo(Validity.UNKNOWN);
        assertThat(result.anomalies().get(0).explanation()).contains("before the input log and output store were read");
    }
}
