package io.cutcheck.sut.marker;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which snapshot directories a peer may delete: it keeps the newest {@code retain} committed
 * snapshots it knows of, and deletes only what is older than the oldest of them. Newer
 * uncommitted directories stay, since a concurrent snapshot with a lower id may still commit.
 */
record Retention(Set<Long> keep, long deleteUpTo) {

    Retention {
        keep = Set.copyOf(keep);
    }

    /** Nothing to delete while no commit is known. */
    static Retention plan(Set<Long> knownCommitted, int retain) {
        List<Long> sorted = new ArrayList<>(knownCommitted);
        sorted.sort(null);
        List<Long> keep = sorted.subList(Math.max(0, sorted.size() - retain), sorted.size());
        return new Retention(Set.copyOf(keep), keep.isEmpty() ? 0 : keep.get(0) - 1);
    }
}
