package io.cutcheck.workloads.stream;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.ref.WeakReference;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The input log as the stream checkers read it: per partition, each record's key and value by
 * offset, in compact arrays (a run may hold millions of records). Each distinct key gets a
 * number from 0, so checkers keep per-key tallies in arrays rather than maps.
 */
final class StreamInput {

    private final int[][] keys;
    private final int[][] values;
    private final String[] keyNames;
    private final Map<String, Integer> keyIds;
    private final long[] base;
    private final long size;

    private StreamInput(int[][] keys, int[][] values, Map<String, Integer> keyIds) {
        this.keys = keys;
        this.values = values;
        this.keyIds = keyIds;
        this.keyNames = new String[keyIds.size()];
        keyIds.forEach((name, id) -> keyNames[id] = name);
        this.base = new long[keys.length + 1];
        for (int p = 0; p < keys.length; p++) {
            base[p + 1] = base[p] + keys[p].length;
        }
        this.size = base[keys.length];
    }

    /** Thrown when the input log read after the run is not a list of offset-numbered stream records. */
    static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    // The exactly-once and consistent-cut checkers both read the same run's input: the last one
    // read is kept (its map only weakly), so a run's log of millions of records is parsed once.
    private static final Object LAST_LOCK = new Object();
    private static WeakReference<Map<Integer, List<JsonNode>>> lastInput = new WeakReference<>(null);
    private static StreamInput lastRead;

    /**
     * The run's input log, with as many partitions as the log declared ({@code partitions}): the
     * last ones may hold no records, and a source reading one of them is still at offset 0.
     */
    static StreamInput of(Map<Integer, List<JsonNode>> input, int partitions) throws Unreadable {
        synchronized (LAST_LOCK) {
            if (lastInput.get() == input && lastRead != null && lastRead.partitions() == partitions) {
                return lastRead;
            }
        }
        StreamInput read = read(input, partitions);
        synchronized (LAST_LOCK) {
            lastInput = new WeakReference<>(input);
            lastRead = read;
        }
        return read;
    }

    private static StreamInput read(Map<Integer, List<JsonNode>> input, int partitions) throws Unreadable {
        for (Map.Entry<Integer, List<JsonNode>> p : input.entrySet()) {
            if ((p.getKey() < 0 || p.getKey() >= partitions) && !p.getValue().isEmpty()) {
                throw new Unreadable("the input log holds records in partition " + p.getKey() + " but declares "
                        + partitions + " partitions");
            }
        }
        int[][] keys = new int[partitions][];
        int[][] values = new int[partitions][];
        Map<String, Integer> keyIds = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            List<JsonNode> records = input.getOrDefault(p, List.of());
            keys[p] = new int[records.size()];
            values[p] = new int[records.size()];
            for (int o = 0; o < records.size(); o++) {
                JsonNode record = records.get(o);
                JsonNode key = record.path("key");
                JsonNode value = record.path("value");
                if (record.path("offset").asLong(-1) != o || !key.isTextual() || !value.canConvertToInt()) {
                    throw new Unreadable("input partition " + p + " record " + o + " is not {offset:" + o
                            + ",key,value}: " + record);
                }
                Integer id = keyIds.get(key.textValue());
                if (id == null) {
                    id = keyIds.size();
                    keyIds.put(key.textValue(), id);
                }
                keys[p][o] = id;
                values[p][o] = value.intValue();
            }
        }
        return new StreamInput(keys, values, keyIds);
    }

    int partitions() {
        return keys.length;
    }

    int length(int partition) {
        return partition >= 0 && partition < keys.length ? keys[partition].length : 0;
    }

    boolean has(int partition, long offset) {
        return offset >= 0 && offset < length(partition);
    }

    String key(int partition, int offset) {
        return keyNames[keys[partition][offset]];
    }

    /** The number of the record's key. */
    int keyId(int partition, int offset) {
        return keys[partition][offset];
    }

    /** The number of a key, or -1 when no input record has it. */
    int keyId(String key) {
        Integer id = keyIds.get(key);
        return id == null ? -1 : id;
    }

    String keyName(int keyId) {
        return keyNames[keyId];
    }

    int keys() {
        return keyNames.length;
    }

    int value(int partition, int offset) {
        return values[partition][offset];
    }

    /** A number for each record of the log, from 0, partition by partition. */
    int index(int partition, int offset) {
        return (int) (base[partition] + offset);
    }

    /** The partition of the record numbered {@code index}. */
    int partitionOf(int index) {
        int i = java.util.Arrays.binarySearch(base, index);
        // base may repeat for empty partitions: the record lives in the last partition starting there
        if (i >= 0) {
            while (i + 1 < base.length && base[i + 1] == index) {
                i++;
            }
            return i;
        }
        return -i - 2;
    }

    int offsetOf(int index) {
        return (int) (index - base[partitionOf(index)]);
    }

    long size() {
        return size;
    }
}
