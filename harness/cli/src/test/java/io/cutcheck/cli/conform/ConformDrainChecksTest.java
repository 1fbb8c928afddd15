package io.cutcheck.cli.conform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Section 5's output rules against a hand-written output store. */
class ConformDrainChecksTest {

    final NodeDouble store;
    final DrainChecks drain;

    ConformDrainChecksTest() throws Exception {
        store = new NodeDouble("output-store", "service");
        KitCluster cluster = KitCluster.of(NodeDouble.system("stream"),
                List.of(new KitCluster.Member("coordinator", "coordinator", 0, store.uri(), true)), null, store.uri());
        drain = new DrainChecks(cluster, null, new Waits(new PrintWriter(new StringWriter())));
    }

    @AfterEach
    void stop() {
        store.close();
    }

    void transactions(String all, String prepared) {
        store.overrides.put("GET /transactions", x -> new NodeDouble.Answer(200,
                x.getRequestURI().getQuery() == null ? all : prepared));
    }

    void output(String records) {
        store.override("GET /output", new NodeDouble.Answer(200, "{\"records\":" + records + ",\"end\":2}"));
    }

    static String entry(int seq, String txn, int partition, int offset) {
        return "{\"seq\":" + seq + ",\"txn\":\"" + txn + "\",\"checkpoint\":4,\"record\":{\"partition\":" + partition
                + ",\"offset\":" + offset + ",\"key\":\"k1\",\"value\":1,\"count\":1,\"sum\":1}}";
    }

    @Test
    void settledTransactionsAndEachRecordOncePass() {
        transactions("[{\"txn\":\"a\",\"state\":\"committed\"}]", "[{\"txn\":\"b\",\"checkpoint\":9}]");
        assertThat(drain.prepared(8).verdict()).isEqualTo(Verdict.PASS);
        output("[" + entry(0, "a", 0, 0) + "," + entry(1, "a", 0, 1) + "]");
        assertThat(drain.once().verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void aTransactionLeftPreparedForACommittedCheckpointFails() {
        transactions("[{\"txn\":\"a\"}]", "[{\"txn\":\"sink-0-1-3\",\"owner\":\"sink-0\",\"checkpoint\":7}]");
        Outcome o = drain.prepared(8);
        assertThat(o.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(o.evidence()).singleElement().asString().contains("state=prepared → 200", "sink-0-1-3");
    }

    @Test
    void aRecordCommittedTwiceFails() {
        output("[" + entry(0, "a", 1, 5) + "," + entry(1, "b", 1, 5) + "]");
        Outcome o = drain.once();
        assertThat(o.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(o.note()).contains("input record 1/5 is in the output twice (txn a and b)");
    }

    @Test
    void aSystemWithoutOutputSkips() {
        transactions("[]", "[]");
        output("[]");
        assertThat(drain.prepared(8).verdict()).isEqualTo(Verdict.SKIP);
        assertThat(drain.once().verdict()).isEqualTo(Verdict.SKIP);
    }
}
