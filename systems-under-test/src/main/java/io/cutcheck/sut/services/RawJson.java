package io.cutcheck.sut.services;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.cutcheck.sut.http.BadRequestException;
import io.cutcheck.sut.http.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Splits a JSON array of objects into the raw bytes of each object, and splices fields into raw objects. */
final class RawJson {
    private RawJson() {
    }

    /** Each element of the array as compact JSON; {@code dropField} (if not null) is removed from every object. */
    static List<byte[]> objects(InputStream body, String dropField) throws IOException {
        List<byte[]> result = new ArrayList<>();
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(8192);
        try (JsonParser parser = Json.MAPPER.getFactory().createParser(body);
             JsonGenerator out = Json.MAPPER.getFactory().createGenerator(buffer)) {
            out.setRootValueSeparator(null);
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new BadRequestException("body must be a JSON array of objects");
            }
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                out.writeStartObject();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    if (name.equals(dropField)) {
                        parser.skipChildren();
                    } else {
                        out.writeFieldName(name);
                        out.copyCurrentStructure(parser);
                    }
                }
                out.writeEndObject();
                out.flush();
                result.add(buffer.toByteArray());
                buffer.reset();
            }
            if (parser.currentToken() != JsonToken.END_ARRAY) {
                throw new BadRequestException("body must be a JSON array of objects");
            }
        }
        return result;
    }

    /** Writes {@code {"field":value, …raw fields}}, the raw object being compact JSON. */
    static void writeWithLeadingField(OutputStream out, String field, long value, byte[] raw) throws IOException {
        out.write('{');
        out.write('"');
        out.write(field.getBytes(StandardCharsets.UTF_8));
        out.write('"');
        out.write(':');
        out.write(Long.toString(value).getBytes(StandardCharsets.US_ASCII));
        if (raw.length > 2) {
            out.write(',');
            out.write(raw, 1, raw.length - 1);
        } else {
            out.write('}');
        }
    }

    static void writeAscii(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }
}
