package io.cutcheck.sut.http;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The one JSON mapper of the systems (control plane, services, checkpoint metadata): unknown
 * fields ignored, as PROTOCOL.md requires of every reader.
 */
public final class ProtocolJson {
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(SerializationFeature.FAIL_ON_EMPTY_BEANS, false);

    private ProtocolJson() {
    }
}
