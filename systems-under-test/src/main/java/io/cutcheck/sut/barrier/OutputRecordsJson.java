package io.cutcheck.sut.barrier;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of a stage call: a JSON array of output records (PROTOCOL.md section 6), written straight
 * into bytes. The sink sends every record it outputs through here, so it writes no more than needed:
 * keys repeat, and each key's quoted, escaped form is made once and kept.
 */
final class OutputRecordsJson {
    /** Bounds the cache of quoted keys; past it, the cache starts over. */
    private static final int MAX_KEYS = 100_000;
    private static final byte[] PARTITION = ascii("{\"partition\":");
    private static final byte[] OFFSET = ascii(",\"offset\":");
    private static final byte[] KEY = ascii(",\"key\":");
    private static final byte[] VALUE = ascii(",\"value\":");
    private static final byte[] COUNT = ascii(",\"count\":");
    private static final byte[] SUM = ascii(",\"sum\":");

    private final Map<String, byte[]> quotedKeys = new HashMap<>();
    private byte[] buffer = new byte[64 * 1024];
    private int size;

    /** The records as one JSON array; the returned array is a copy the caller may keep. */
    synchronized byte[] encode(List<StreamRecord> records) {
        size = 0;
        put((byte) '[');
        for (int i = 0; i < records.size(); i++) {
            StreamRecord r = records.get(i);
            if (i > 0) {
                put((byte) ',');
            }
            put(PARTITION);
            put(r.partition());
            put(OFFSET);
            put(r.offset());
            put(KEY);
            put(quoted(r.key()));
            put(VALUE);
            put(r.value());
            put(COUNT);
            put(r.count());
            put(SUM);
            put(r.sum());
            put((byte) '}');
        }
        put((byte) ']');
        return Arrays.copyOf(buffer, size);
    }

    private byte[] quoted(String key) {
        byte[] quoted = quotedKeys.get(key);
        if (quoted == null) {
            if (quotedKeys.size() >= MAX_KEYS) {
                quotedKeys.clear();
            }
            byte[] escaped = JsonStringEncoder.getInstance().quoteAsUTF8(key);
            quoted = new byte[escaped.length + 2];
            quoted[0] = '"';
            System.arraycopy(escaped, 0, quoted, 1, escaped.length);
            quoted[quoted.length - 1] = '"';
            quotedKeys.put(key, quoted);
        }
        return quoted;
    }

    private void put(long v) {
        // at most 20 characters: a sign and 19 digits
        ensure(20);
        if (v == Long.MIN_VALUE) {
            put(ascii(Long.toString(v)));
            return;
        }
        if (v < 0) {
            buffer[size++] = '-';
            v = -v;
        }
        int start = size;
        do {
            buffer[size++] = (byte) ('0' + v % 10);
            v /= 10;
        } while (v != 0);
        for (int i = start, j = size - 1; i < j; i++, j--) {
            byte t = buffer[i];
            buffer[i] = buffer[j];
            buffer[j] = t;
        }
    }

    private void put(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buffer, size, bytes.length);
        size += bytes.length;
    }

    private void put(byte b) {
        ensure(1);
        buffer[size++] = b;
    }

    private void ensure(int more) {
        if (size + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
