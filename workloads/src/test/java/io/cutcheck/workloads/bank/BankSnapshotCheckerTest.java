package io.cutcheck.workloads.bank;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cutcheck.harness.checker.Anomaly;
import io.cutcheck.harness.checker.CheckResult;
import io.cutcheck.harness.checker.Coverage;
import io.cutcheck.harness.checker.Validity;
import java.util.List;
import org.junit.jupiter.api.Test;

class BankSnapshotCheckerTest {

    private final BankSnapshotChecker checker = new BankSnapshotChecker();

    /** peer-0's third transfer is rejected (0/0 has spent 8 of 10 when it asks for 5). */
    private static BankRun run() {
        return BankRun.of(new String[] {"0>1/0:3", "0>0/1:5", "0>2/1:5", "1>1/1:2"},
                new String[] {"0>0/0:4", "1>2/0:1"},
                new String[] {"1>0/1:6", "0>1/0:2", "1>0/0:3"});
    }

    private static final int[][] ALL_DELIVERED = {{0, 9, 9}, {9, 0, 9}, {9, 9, 0}};
    private static final int[][] NONE_DELIVERED = new int[3][3];

    @Test
    void snapshotsWithMoneyDeliveredOrInFlightAreValid() {
        CheckResult result = checker.check(run().snapshot(1, new long[] {2, 1, 1}, NONE_DELIVERED)
                .snapshot(2, new long[] {4, 2, 3}, new int[][] {{0, 1, 0}, {1, 0, 0}, {1, 0, 0}})
                .snapshot(3, new long[] {4, 2, 3}, ALL_DELIVERED).build());
        assertThat(result.validity()).isEqualTo(Validity.VALID);
        assertThat(result.stats()).containsEntry("snapshotsJudged", 3).containsEntry("total", 60L);
        assertThat(result.coverage()).isEqualTo(new Coverage(3, 3, "committed snapshots", null));
    }

    @Test
    void snapshotsWhosePartsWereNeverFetchedAreCountedAgainstTheCoverage() {
        BankRun run = run().snapshot(1, new long[] {2, 1, 1}, NONE_DELIVERED).snapshot(2, new long[] {4, 2, 3}, ALL_DELIVERED);
        run.contents.remove(2L);
        CheckResult partial = checker.check(run.build());
        assertThat(partial.validity()).isEqualTo(Validity.VALID);
        assertThat(partial.verdictLine()).isEqualTo("valid (judged 1 of 2 committed snapshots; 1 had no content fetched)");

        run.contents.remove(1L);
        CheckResult none = checker.check(run.build());
        assertThat(none.validity()).isEqualTo(Validity.UNKNOWN);
        assertThat(none.coverage()).isEqualTo(new Coverage(0, 2, "committed snapshots", "2 had no content fetched"));
    }

    @Test
    void moneyCreatedIsCaught() {
        BankRun run = run().snapshot(1, new long[] {4, 2, 3}, ALL_DELIVERED);
        ((ObjectNode) run.part(1, "peer-1").get("state").get("balances")).put("peer-1/0", 100);
        CheckResult result = checker.check(run.build());
        assertThat(result.anomalies()).extracting(Anomaly::type).containsExactly("money-created", "balance-inconsistent");
        assertThat(result.anomalies().get(0).evidence()).containsEntry("expectedTotal", 60L);
        assertThat(result.anomalies().get(1).evidence()).containsEntry("account", "peer-1/0").containsEntry("actual", 100L);
    }

    @Test
    void moneyLostWithAnUnrecordedChannelIsCaughtTwice() {
        // peer-1's credit from peer-0 (t-0-0, 3) was in flight but the channel was not recorded
        BankRun run = run().snapshot(1, new long[] {1, 0, 0}, NONE_DELIVERED);
        ((ArrayNode) run.part(1, "peer-1").get("channels").get("peer-0")).removeAll();
        CheckResult result = checker.check(run.build());
        assertThat(result.anomalies()).extracting(Anomaly::type).containsExactly("money-lost", "lost-credit");
        Anomaly lost = result.anomalies().get(1);
        assertThat(lost.node()).isEqualTo("peer-1");
        assertThat(lost.evidence()).containsEntry("sender", "peer-0").containsEntry("creditsOwed", 1)
                .containsEntry("transfers", List.of("t-0-0"));
    }

    @Test
    void aCreditWithoutItsDebitIsCaughtEvenWhenTheTotalMatches() {
        // peer-1 applied t-0-0 (3 to peer-1/0); peer-0's balances show the debit but its position
        // says it had not read t-0-0 yet (state and position taken at different moments), so the
        // total still matches and only the pair account can tell.
        BankRun run = run().snapshot(1, new long[] {1, 0, 0}, new int[][] {{0, 1, 0}, {0, 0, 0}, {0, 0, 0}});
        ((ObjectNode) run.part(1, "peer-0").get("positions")).put("0", 0);
        CheckResult result = checker.check(run.build());
        assertThat(result.anomalies()).extracting(Anomaly::type)
                .containsExactlyInAnyOrder("credit-without-debit", "balance-inconsistent");
        Anomaly credit = result.anomalies().stream().filter(a -> a.type().equals("credit-without-debit")).findFirst().orElseThrow();
        assertThat(credit.evidence()).containsEntry("creditsOwed", 0).containsEntry("creditsReceived", 1L)
                .containsEntry("transfers", List.of("t-0-0"));
    }

    @Test
    void balancesAheadOfTheirOwnPositionAreCaughtEvenWhenEveryTotalHolds() {
        // peer-0's local transfer t-0-1 (0/0 → 0/1, 5) is in its balances, but its position says
        // it had read only t-0-0: the total and every channel still add up
        BankRun run = run().snapshot(1, new long[] {2, 0, 0}, NONE_DELIVERED);
        ((ObjectNode) run.part(1, "peer-0").get("positions")).put("0", 1);
        CheckResult result = checker.check(run.build());
        assertThat(result.anomalies()).extracting(Anomaly::type).containsExactly("balance-inconsistent");
        assertThat(result.anomalies().get(0).node()).isEqualTo("peer-0");
        assertThat(result.anomalies().get(0).evidence()).containsEntry("account", "peer-0/0")
                .containsEntry("expected", 7L).containsEntry("actual", 2L);
    }

    @Test
    void aChannelRecordingTheWrongMessageIsCaught() {
        BankRun run = run().snapshot(1, new long[] {1, 0, 0}, NONE_DELIVERED);
        ((ObjectNode) run.part(1, "peer-1").get("channels").get("peer-0").get(0)).put("id", "t-9-9");
        assertThat(checker.check(run.build()).anomalies()).extracting(Anomaly::type).containsExactly("channel-mismatch");
    }

    @Test
    void aSnapshotWithAPeerMissingIsNotJudged() {
        BankRun run = run().snapshot(1, new long[] {1, 0, 0}, NONE_DELIVERED);
        run.contents.get(1L).remove("peer-2");
        assertThat(checker.check(run.build()).validity()).isEqualTo(Validity.UNKNOWN);
    }
}
