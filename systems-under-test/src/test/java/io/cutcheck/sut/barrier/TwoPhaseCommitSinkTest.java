package io.cutcheck.sut.barrier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TwoPhaseCommitSinkTest {

    /** An in-memory output store with the same rules as the real one. */
    private static final class FakeOutput implements TransactionalOutput {
        final Map<String, List<StreamRecord>> staged = new LinkedHashMap<>();
        final Map<String, Long> prepared = new LinkedHashMap<>();
        final List<String> committed = new ArrayList<>();
        final List<String> aborted = new ArrayList<>();
        final List<StreamRecord> visible = new ArrayList<>();

        @Override
        public void stage(String txn, List<StreamRecord> records) {
            staged.computeIfAbsent(txn, t -> new ArrayList<>()).addAll(records);
        }

        @Override
        public void prepare(String txn, long checkpoint) {
            prepared.put(txn, checkpoint);
        }

        @Override
        public void commit(String txn) {
            if (committed.contains(txn)) {
                return;
            }
            if (prepared.remove(txn) == null) {
                throw new IllegalStateException("commit of unprepared " + txn);
            }
            committed.add(txn);
            visible.addAll(staged.getOrDefault(txn, List.of()));
        }

        @Override
        public void abort(String txn) {
            prepared.remove(txn);
            staged.remove(txn);
            aborted.add(txn);
        }

        @Override
        public List<Txn> list(String state) {
            if (state.equals("prepared")) {
                return prepared.entrySet().stream().map(e -> new Txn(e.getKey(), e.getValue())).toList();
            }
            return staged.keySet().stream().filter(t -> !prepared.containsKey(t) && !committed.contains(t))
                    .map(t -> new Txn(t, null)).toList();
        }
    }

    private static List<StreamRecord> records(long... offsets) {
        List<StreamRecord> list = new ArrayList<>();
        for (long o : offsets) {
            list.add(new StreamRecord(0, o, "k", 1, o, o));
        }
        return list;
    }

    @Test
    void outputBecomesVisibleOnlyWhenItsCheckpointCompletes() throws Exception {
        FakeOutput out = new FakeOutput();
        TwoPhaseCommitSink sink = new TwoPhaseCommitSink("sink-0", out, false, 1000);
        sink.recover(0, 5);
        sink.add(records(1, 2));
        assertThat(sink.preCommit(1)).isEqualTo("sink-0-5-1");
        sink.add(records(3));
        assertThat(out.visible).isEmpty();
        assertThat(sink.committed(1)).containsExactly("sink-0-5-1");
        assertThat(out.visible).extracting(StreamRecord::offset).containsExactly(1L, 2L);
        assertThat(sink.open()).isEqualTo("sink-0-5-2");
    }

    @Test
    void aCompletionCommitsEveryPendingTransactionUpToItsIdInOrder() throws Exception {
        FakeOutput out = new FakeOutput();
        TwoPhaseCommitSink sink = new TwoPhaseCommitSink("sink-0", out, false, 1000);
        sink.recover(0, 1);
        sink.add(records(1));
        sink.preCommit(1); // checkpoint 1 is later aborted: its records ride with checkpoint 2
        sink.add(records(2));
        sink.preCommit(2);
        sink.add(records(3));
        sink.preCommit(3);
        assertThat(sink.committed(2)).containsExactly("sink-0-1-1", "sink-0-1-2");
        assertThat(sink.prepared()).containsOnlyKeys(3L);
        assertThat(sink.committed(2)).isEmpty();
        assertThat(out.visible).extracting(StreamRecord::offset).containsExactly(1L, 2L);
    }

    @Test
    void recoveryCommitsPreparedUpToTheRestoredCheckpointAndAbortsTheRest() throws Exception {
        FakeOutput out = new FakeOutput();
        TwoPhaseCommitSink before = new TwoPhaseCommitSink("sink-0", out, false, 1000);
        before.recover(0, 1);
        before.add(records(1));
        before.preCommit(1);
        before.add(records(2));
        before.preCommit(2);
        before.add(records(3));
        before.flush(); // open transaction with staged records, then the sink dies

        TwoPhaseCommitSink after = new TwoPhaseCommitSink("sink-0", out, false, 1000);
        after.recover(1, 2);
        assertThat(out.committed).containsExactly("sink-0-1-1");
        assertThat(out.aborted).containsExactlyInAnyOrder("sink-0-1-2", "sink-0-1-3");
        assertThat(out.visible).extracting(StreamRecord::offset).containsExactly(1L);
        assertThat(after.open()).isEqualTo("sink-0-2-1");
    }

    @Test
    void theDefectCommitsAtTheSnapshot() throws Exception {
        FakeOutput out = new FakeOutput();
        TwoPhaseCommitSink sink = new TwoPhaseCommitSink("sink-0", out, true, 1000);
        sink.recover(0, 1);
        sink.add(records(1));
        sink.preCommit(1);
        assertThat(out.visible).hasSize(1);
        assertThat(sink.prepared()).isEmpty();
    }

    @Test
    void recordsAreStagedInBatchesOfTheFlushSize() throws Exception {
        FakeOutput out = new FakeOutput();
        TwoPhaseCommitSink sink = new TwoPhaseCommitSink("sink-0", out, false, 2);
        sink.recover(0, 1);
        sink.add(records(1));
        assertThat(out.staged).isEmpty();
        sink.add(records(2));
        assertThat(out.staged.get("sink-0-1-1")).hasSize(2);
    }
}
