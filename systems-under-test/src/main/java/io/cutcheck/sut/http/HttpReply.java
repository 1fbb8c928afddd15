package io.cutcheck.sut.http;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/** An HTTP answer: a status and a body writer (JSON by default; services stream raw JSON for speed). */
public record HttpReply(int status, BodyWriter body) {

    /** Writes a response body. */
    @FunctionalInterface
    public interface BodyWriter {
        void writeTo(OutputStream out) throws IOException;
    }

    public static HttpReply json(int status, Object value) {
        return new HttpReply(status, out -> ProtocolJson.MAPPER.writeValue(out, value));
    }

    public static HttpReply ok(Object value) {
        return json(200, value);
    }

    public static HttpReply error(int status, String message) {
        return json(status, Map.of("error", message));
    }
}
