package io.cutcheck.sut.services;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.cutcheck.sut.http.BadRequestException;
import io.cutcheck.sut.http.ProtocolJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Splits a JSON array of objects into the raw bytes of each object, and splices fields into raw objects. */
final class RawJson {
    private RawJson() {
    }

    /** Each element of the array as compact JSON; {@code dropField} (if not null) is removed from every object. */
    static List<byte[]> objects(InputStream body, String dropField) throws IOException {
        return dropField == null ? slices(body.readAllBytes()) : rewritten(body, dropField);
    }

    /**
     * Each element of the array, its bytes cut out of {@code body} as they are: the tokens are checked,
     * but an object is written anew only when it holds whitespace (then it is compacted), because
     * writing every record anew costs the output store more than all else it does per record.
     */
    private static List<byte[]> slices(byte[] body) throws IOException {
        List<byte[]> result = new ArrayList<>();
        try (JsonParser parser = ProtocolJson.MAPPER.getFactory().createParser(body)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new BadRequestException("body must be a JSON array of objects");
            }
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                int start = (int) parser.currentTokenLocation().getByteOffset();
                parser.skipChildren();
                int end = (int) parser.currentLocation().getByteOffset();
                byte[] object = Arrays.copyOfRange(body, start, end);
                result.add(hasWhitespace(object) ? compact(object) : object);
            }
            if (parser.currentToken() != JsonToken.END_ARRAY) {
                throw new BadRequestException("body must be a JSON array of objects");
            }
        }
        return result;
    }

    private static boolean hasWhitespace(byte[] object) {
        for (byte b : object) {
            if (b == ' ' || b == '\n' || b == '\r' || b == '\t') {
                return true;
            }
        }
        return false;
    }

    private static byte[] compact(byte[] object) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(object.length);
        try (JsonParser parser = ProtocolJson.MAPPER.getFactory().createParser(object);
             JsonGenerator out = ProtocolJson.MAPPER.getFactory().createGenerator(buffer)) {
            parser.nextToken();
            out.copyCurrentStructure(parser);
        }
        return buffer.toByteArray();
    }

    private static List<byte[]> rewritten(InputStream body, String dropField) throws IOException {
        List<byte[]> result = new ArrayList<>();
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(8192);
        try (JsonParser parser = ProtocolJson.MAPPER.getFactory().createParser(body);
             JsonGenerator out = ProtocolJson.MAPPER.getFactory().createGenerator(buffer)) {
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
