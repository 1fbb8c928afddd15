package io.cutcheck.sut.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cutcheck.sut.http.BadRequestException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RawJsonTest {

    private static List<String> objects(String body, String dropField) throws IOException {
        return RawJson.objects(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), dropField).stream()
                .map(b -> new String(b, StandardCharsets.UTF_8)).toList();
    }

    @Test
    void compactObjectsAreKeptByteForByteNestedOnesIncluded() throws IOException {
        assertThat(objects("[{\"key\":\"k1\",\"n\":{\"a\":[1,{\"b\":2}]}},{\"key\":\"é\\\"x\",\"v\":-3.5e2}]", null))
                .containsExactly("{\"key\":\"k1\",\"n\":{\"a\":[1,{\"b\":2}]}}", "{\"key\":\"é\\\"x\",\"v\":-3.5e2}");
    }

    @Test
    void objectsWithWhitespaceAreCompactedAsBefore() throws IOException {
        assertThat(objects("[ {\"key\" : \"a b\",\n \"v\":1} ,{}]", null))
                .containsExactly("{\"key\":\"a b\",\"v\":1}", "{}");
    }

    @Test
    void theDroppedFieldIsRemoved() throws IOException {
        assertThat(objects("[{\"offset\":5,\"key\":\"k\"}]", "offset")).containsExactly("{\"key\":\"k\"}");
    }

    @Test
    void anythingButAnArrayOfObjectsIsRefused() {
        assertThatThrownBy(() -> objects("{\"key\":1}", null)).isInstanceOf(BadRequestException.class);
        assertThatThrownBy(() -> objects("[{\"key\":1},2]", null)).isInstanceOf(BadRequestException.class);
        assertThatThrownBy(() -> objects("[{\"key\":1", null)).isInstanceOf(IOException.class);
    }
}
