package io.cutcheck.sut.barrier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutcheck.sut.http.ProtocolJson;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutputRecordsJsonTest {
    private final OutputRecordsJson json = new OutputRecordsJson();

    @Test
    void writesWhatAJsonLibraryWritesForTheSameRecords() throws IOException {
        List<StreamRecord> records = List.of(
                new StreamRecord(0, 0, "k0", 1, 1, 1),
                new StreamRecord(7, Long.MAX_VALUE, "quote\" back\\slash \u00e9 \u2603 \n", -5, Long.MIN_VALUE, -1234567890123L),
                new StreamRecord(Integer.MAX_VALUE, 10, "", 0, 10, 100));
        List<Map<String, Object>> expected = records.stream().map(r -> Map.<String, Object>of("partition", r.partition(),
                "offset", r.offset(), "key", r.key(), "value", r.value(), "count", r.count(), "sum", r.sum())).toList();

        JsonNode written = ProtocolJson.MAPPER.readTree(json.encode(records));

        assertThat(written).isEqualTo(ProtocolJson.MAPPER.readTree(ProtocolJson.MAPPER.writeValueAsBytes(expected)));
        assertThat(written.get(1).get("count").asLong()).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void eachCallWritesOnlyItsOwnRecordsInOrderAndKeysInTheirFieldOrder() throws IOException {
        json.encode(List.of(new StreamRecord(1, 2, "a-long-key-to-grow-the-buffer", 3, 4, 5)));
        byte[] second = json.encode(List.of(new StreamRecord(0, 9, "k", 1, 2, 3)));
        assertThat(new String(second, java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("[{\"partition\":0,\"offset\":9,\"key\":\"k\",\"value\":1,\"count\":2,\"sum\":3}]");
        assertThat(new String(json.encode(List.of()), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("[]");
    }
}
