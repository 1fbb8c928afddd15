package io.cutcheck.sut.barrier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BarrierAlignerTest {

    /** Records what the aligner releases, in order. */
    private static final class Recorder implements BarrierAligner.Handler {
        final List<String> seen = new ArrayList<>();

        @Override
        public void records(String channel, List<StreamRecord> records) {
            records.forEach(r -> seen.add(channel + ":" + r.offset()));
        }

        @Override
        public void barrierReceived(String channel, long id) {
            seen.add(channel + ":barrier-" + id);
        }

        @Override
        public void aligned(long id) {
            seen.add("snapshot-" + id);
        }
    }

    private static DataMessage records(long... offsets) {
        List<StreamRecord> list = new ArrayList<>();
        for (long o : offsets) {
            list.add(new StreamRecord(0, o, "k", 1, 0, 0));
        }
        return new DataMessage.Records(list);
    }

    @Test
    void aChannelThatDeliveredTheBarrierIsBlockedUntilEveryChannelHas() {
        Recorder r = new Recorder();
        BarrierAligner aligner = new BarrierAligner(Set.of("a", "b"), true, r);
        aligner.deliver("a", records(1));
        aligner.deliver("a", new DataMessage.Barrier(7));
        aligner.deliver("a", records(2)); // after a's barrier: held
        aligner.deliver("b", records(10)); // before b's barrier: processed
        assertThat(aligner.state()).isInstanceOf(AlignmentState.Aligning.class);
        assertThat(aligner.held("a")).isEqualTo(1);
        aligner.deliver("b", new DataMessage.Barrier(7));
        assertThat(r.seen).containsExactly("a:1", "a:barrier-7", "b:10", "b:barrier-7", "snapshot-7", "a:2");
        assertThat(aligner.state()).isEqualTo(new AlignmentState.Idle(Set.of("a", "b"), 7));
    }

    @Test
    void heldMessagesMayStartTheNextAlignment() {
        Recorder r = new Recorder();
        BarrierAligner aligner = new BarrierAligner(Set.of("a", "b"), true, r);
        aligner.deliver("a", new DataMessage.Barrier(1));
        aligner.deliver("a", records(1));
        aligner.deliver("a", new DataMessage.Barrier(2));
        aligner.deliver("a", records(2));
        aligner.deliver("b", new DataMessage.Barrier(1));
        assertThat(r.seen).containsExactly("a:barrier-1", "b:barrier-1", "snapshot-1", "a:1", "a:barrier-2");
        assertThat(aligner.held("a")).isEqualTo(1);
        aligner.deliver("b", records(5));
        aligner.deliver("b", new DataMessage.Barrier(2));
        assertThat(r.seen).endsWith("b:5", "b:barrier-2", "snapshot-2", "a:2");
    }

    @Test
    void aSingleChannelAlignsAtOnceAndStaleBarriersAreIgnored() {
        AlignmentState.Listener none = id -> { };
        List<Long> aligned = new ArrayList<>();
        AlignmentState s = AlignmentState.initial(Set.of("a"), true).onBarrier("a", 3, aligned::add);
        assertThat(aligned).containsExactly(3L);
        assertThat(s.onBarrier("a", 2, none)).isEqualTo(s);
    }

    @Test
    void aNewerBarrierAbandonsTheAlignmentInProgress() {
        List<Long> aligned = new ArrayList<>();
        AlignmentState s = AlignmentState.initial(Set.of("a", "b"), true)
                .onBarrier("a", 4, aligned::add)
                .onBarrier("b", 5, aligned::add);
        assertThat(s).isEqualTo(new AlignmentState.Aligning(Set.of("a", "b"), 5, Set.of("b")));
        assertThat(s.blocks("a")).isFalse();
        assertThat(aligned).isEmpty();
    }

    @Test
    void withoutAlignmentTheSnapshotIsTakenOnTheFirstBarrierAndNothingBlocks() {
        Recorder r = new Recorder();
        BarrierAligner aligner = new BarrierAligner(Set.of("a", "b"), false, r);
        aligner.deliver("a", new DataMessage.Barrier(1));
        aligner.deliver("a", records(2));
        aligner.deliver("b", records(9)); // pre-barrier on b, yet after the snapshot: the defect
        aligner.deliver("b", new DataMessage.Barrier(1));
        assertThat(r.seen).containsExactly("a:barrier-1", "snapshot-1", "a:2", "b:9", "b:barrier-1");
    }
}
