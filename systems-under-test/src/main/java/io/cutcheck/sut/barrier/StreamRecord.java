package io.cutcheck.sut.barrier;

/**
 * A record of the stream workload on its way through the job. From sources, {@code count} and
 * {@code sum} are 0; the operator fills them with the key's totals after applying the record.
 */
public record StreamRecord(int partition, long offset, String key, long value, long count, long sum) {
}
