package io.cutcheck.sut.barrier;

import static org.assertj.core.api.Assertions.assertThat;

import io.cutcheck.sut.storage.PartInfo;
import io.cutcheck.sut.wire.Frame;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ControlCodecTest {
    private static final PartInfo PART = new PartInfo("operator-0", "checkpoints/3/operator-0.part", 120, 99L);

    @Test
    void everyMessageRoundTrips() throws Exception {
        List<ControlMessage> messages = List.of(
                new ControlMessage.Hello("source-1", 42),
                new ControlMessage.Heartbeat(1000),
                new ControlMessage.Ack(7, 3, PART, Map.of(1, 500L)),
                new ControlMessage.Restored(7, 3),
                new ControlMessage.RestoreFailed(7, 3, "missing"),
                new ControlMessage.ChannelFailed(7, "broke"),
                new ControlMessage.Restore(8, 3, Optional.of(PART)),
                new ControlMessage.Restore(8, 0, Optional.empty()),
                new ControlMessage.Run(8),
                new ControlMessage.Trigger(8, 4, "external"),
                new ControlMessage.Complete(4, List.of(2L, 3L, 4L)),
                new ControlMessage.Abort(5, "timeout"));
        for (ControlMessage m : messages) {
            Frame f = ControlCodec.encode(m);
            assertThat(ControlCodec.decode(Arrays.copyOf(f.bytes(), f.length()))).isEqualTo(m);
        }
    }

    @Test
    void recordBatchesRoundTrip() throws Exception {
        List<StreamRecord> records = List.of(new StreamRecord(1, 7, "k17", 5, 3, 12), new StreamRecord(0, 8, "ü", -1, 0, 0));
        Frame f = DataCodec.records(records);
        assertThat(DataCodec.decode(Arrays.copyOf(f.bytes(), f.length()))).isEqualTo(new DataMessage.Records(records));
    }
}
