package io.cutcheck.sut.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/** An HTTP request as a handler sees it: path parameters, query parameters and the body. */
public record Request(String method, Map<String, String> pathParams, Map<String, String> query, InputStream body) {

    public String path(String name) {
        return pathParams.get(name);
    }

    public long pathLong(String name) {
        return parseLong(name, pathParams.get(name), null);
    }

    public long queryLong(String name, long fallback) {
        return parseLong(name, query.get(name), fallback);
    }

    /** The body as a JSON tree; an empty body reads as a missing node. */
    public JsonNode json() throws IOException {
        byte[] bytes = body.readAllBytes();
        if (bytes.length == 0) {
            return ProtocolJson.MAPPER.missingNode();
        }
        return ProtocolJson.MAPPER.readTree(bytes);
    }

    private static long parseLong(String name, String text, Long fallback) {
        if (text == null || text.isEmpty()) {
            if (fallback == null) {
                throw new BadRequestException("missing " + name);
            }
            return fallback;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new BadRequestException(name + " must be an integer: " + text);
        }
    }
}
