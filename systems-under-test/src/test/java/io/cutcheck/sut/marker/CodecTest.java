package io.cutcheck.sut.marker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CodecTest {

    @Test
    void everyMeshMessageSurvivesTheRoundTrip() throws IOException {
        List<MeshMessage> messages = List.of(new MeshMessage.Hello("peer-1", 77),
                new MeshMessage.CreditMessage(new Credit("t-1", "peer-2/0", 5)),
                new MeshMessage.Marker(129, "peer-0"),
                new MeshMessage.Receipt(129, "peer-1", "checkpoints/129/peer-1.part", 300, 0xFFFFFFF0L, 1, 4000),
                new MeshMessage.Committed(129));
        for (MeshMessage message : messages) {
            assertThat(MeshCodec.decode(MeshCodec.encode(message))).isEqualTo(message);
        }
    }

    @Test
    void anUnknownTypeIsRefused() {
        assertThatThrownBy(() -> MeshCodec.decode(new byte[] {99})).isInstanceOf(IOException.class);
    }

    @Test
    void aPartSurvivesTheRoundTrip() throws IOException {
        LedgerState state = new LedgerState(Map.of("peer-1/0", 90L), Map.of("peer-1/0", 10L),
                Map.of("peer-0", 3L), 17);
        Part part = new Part(65, "peer-0", "peer-1", state,
                Map.of("peer-0", List.of(new Credit("t-9", "peer-1/0", 4)), "peer-2", List.of()));
        assertThat(PartCodec.decode(PartCodec.encode(part))).isEqualTo(part);
    }
}
