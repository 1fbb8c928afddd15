package io.cutcheck.sut.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class OutputStoreTest {
    private final OutputStore store = new OutputStore();

    private void commit(String txn, long checkpoint, int records) {
        store.stage(txn, "sink-0", IntStream.range(0, records)
                .mapToObj(i -> (txn + "/" + i).getBytes(StandardCharsets.UTF_8)).toList());
        store.prepare(txn, "sink-0", checkpoint);
        store.commit(txn);
    }

    private static List<String> seen(List<OutputStore.Entry> entries) {
        return entries.stream().map(e -> e.seq() + ":" + e.txn() + ":" + e.checkpoint() + ":"
                + new String(e.record(), StandardCharsets.UTF_8)).toList();
    }

    @Test
    void pagesRunAcrossTransactionsInCommitOrderFromAnyPosition() {
        commit("a", 1, 3);
        commit("empty", 2, 0);
        commit("b", 3, 2);
        commit("c", 4, 4);
        assertThat(store.end()).isEqualTo(9);
        assertThat(seen(store.output(2, 4))).containsExactly("2:a:1:a/2", "3:b:3:b/0", "4:b:3:b/1", "5:c:4:c/0");
        assertThat(seen(store.output(0, 100))).hasSize(9).startsWith("0:a:1:a/0").endsWith("8:c:4:c/3");
        for (int from = 0; from <= 9; from++) {
            assertThat(store.output(from, 1)).as("from " + from).hasSize(from < 9 ? 1 : 0);
            if (from < 9) {
                assertThat(store.output(from, 1).get(0).seq()).isEqualTo(from);
            }
        }
        assertThat(store.output(50, 10)).isEmpty();
        assertThat(store.output(-3, 1).get(0).seq()).isZero();
    }

    @Test
    void aCommitAgainAddsNothingAndAbortedRecordsNeverShow() {
        commit("a", 1, 2);
        store.commit("a");
        store.stage("x", "sink-0", List.of(new byte[] {'1'}));
        store.abort("x");
        assertThat(store.end()).isEqualTo(2);
        assertThat(store.staged()).isEqualTo(2);
    }
}
