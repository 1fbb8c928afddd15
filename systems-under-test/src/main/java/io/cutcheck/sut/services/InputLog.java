package io.cutcheck.sut.services;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The replayable input log: partitions of records numbered by offset from 0. Records are kept as the
 * raw JSON of their workload fields (an object without {@code offset}), so reads stream without parsing.
 */
public final class InputLog {

    /** A read: records at offsets {@code from …}, and the end of the partition when it was read. */
    public record Slice(int partition, long from, List<byte[]> records, long end) {
    }

    private static final class Partition {
        final ReentrantLock lock = new ReentrantLock();
        final Condition appended = lock.newCondition();
        final ArrayList<byte[]> records = new ArrayList<>();
    }

    private final Partition[] partitions;

    public InputLog(int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be >= 1");
        }
        this.partitions = new Partition[partitions];
        for (int i = 0; i < partitions; i++) {
            this.partitions[i] = new Partition();
        }
    }

    public int partitions() {
        return partitions.length;
    }

    /** Appends records in order and returns the offset of the first. */
    public long append(int partition, List<byte[]> records) {
        Partition p = partition(partition);
        p.lock.lock();
        try {
            long first = p.records.size();
            p.records.addAll(records);
            p.appended.signalAll();
            return first;
        } finally {
            p.lock.unlock();
        }
    }

    /** Reads up to {@code max} records from {@code from}, waiting up to {@code waitMs} for the first to exist. */
    public Slice read(int partition, long from, int max, long waitMs) throws InterruptedException {
        Partition p = partition(partition);
        p.lock.lock();
        try {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMs);
            while (p.records.size() <= from) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                p.appended.awaitNanos(left);
            }
            int size = p.records.size();
            int start = (int) Math.min(from, size);
            int stop = (int) Math.min(size, start + (long) max);
            return new Slice(partition, from, List.copyOf(p.records.subList(start, stop)), size);
        } finally {
            p.lock.unlock();
        }
    }

    public long end(int partition) {
        Partition p = partition(partition);
        p.lock.lock();
        try {
            return p.records.size();
        } finally {
            p.lock.unlock();
        }
    }

    private Partition partition(int partition) {
        if (partition < 0 || partition >= partitions.length) {
            throw new IllegalArgumentException("no partition " + partition);
        }
        return partitions[partition];
    }
}
