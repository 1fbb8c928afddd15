package io.cutcheck.workloads.stream;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Consecutive offsets of one input partition, {@code first} to {@code last} inclusive: how lost or
 * duplicated records are told to a person, since one range reads where a hundred records do not.
 */
record OffsetRange(int partition, long first, long last) {

    /** Ranges named in one explanation; the rest are counted. */
    static final int SHOWN = 3;

    long size() {
        return last - first + 1;
    }

    /** The maximal ranges of the offsets set in {@code offsets}, in offset order. */
    static List<OffsetRange> of(int partition, BitSet offsets) {
        List<OffsetRange> ranges = new ArrayList<>();
        for (int from = offsets.nextSetBit(0); from >= 0; ) {
            int to = offsets.nextClearBit(from);
            ranges.add(new OffsetRange(partition, from, to - 1L));
            from = offsets.nextSetBit(to);
        }
        return ranges;
    }

    /** {@code 0/120-0/180}, or {@code 0/120} for one offset. */
    @Override
    public String toString() {
        return first == last ? partition + "/" + first : partition + "/" + first + "-" + partition + "/" + last;
    }

    /** The first {@value #SHOWN} ranges, then how many more: {@code 0/1-0/5, 1/7 and 4 more ranges}. */
    static String list(List<OffsetRange> ranges) {
        List<String> shown = ranges.stream().limit(SHOWN).map(OffsetRange::toString).toList();
        String more = ranges.size() > SHOWN ? " and " + (ranges.size() - SHOWN) + " more ranges" : "";
        if (shown.size() == 1 || !more.isEmpty()) {
            return String.join(", ", shown) + more;
        }
        return String.join(", ", shown.subList(0, shown.size() - 1)) + " and " + shown.get(shown.size() - 1);
    }

    /** For evidence: the first ranges as text, enough to look up, few enough to read. */
    static List<String> evidence(List<OffsetRange> ranges) {
        return ranges.stream().limit(20).map(OffsetRange::toString).toList();
    }

    static long records(List<OffsetRange> ranges) {
        return ranges.stream().mapToLong(OffsetRange::size).sum();
    }
}
