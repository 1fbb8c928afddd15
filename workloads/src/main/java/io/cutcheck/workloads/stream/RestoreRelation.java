package io.cutcheck.workloads.stream;

import java.util.List;

/**
 * Where a range of offsets lies against the positions restores resumed reading at, which tells
 * two different bugs apart: records dropped as reading resumed start exactly at a restored
 * position; records a restore skipped end right before one; records dropped while the system
 * ran start at none.
 *
 * @param kind how the range relates to {@code point}
 * @param point the restore point it relates to, or null when no restore point lies at or before it
 * @param distance for {@link Kind#APART}: how far the range starts after that point's position
 */
record RestoreRelation(Kind kind, RestorePoint point, long distance) {

    enum Kind {
        /** The range starts exactly at the position a restore resumed reading at. */
        STARTS_AT,
        /** The range ends right before the position a restore resumed reading at: the restore skipped it. */
        ENDS_BEFORE,
        /** Neither: the range starts {@code distance} after the nearest restored position before it, if any. */
        APART
    }

    /** How {@code range} relates to the restore points, the first exact match winning. */
    static RestoreRelation of(OffsetRange range, List<RestorePoint> points) {
        RestorePoint nearest = null;
        for (Kind exact : List.of(Kind.STARTS_AT, Kind.ENDS_BEFORE)) {
            for (RestorePoint point : points) {
                Long at = point.position(range.partition());
                if (at != null && at == (exact == Kind.STARTS_AT ? range.first() : range.last() + 1)) {
                    return new RestoreRelation(exact, point, 0);
                }
            }
        }
        for (RestorePoint point : points) {
            Long at = point.position(range.partition());
            if (at != null && at < range.first() && (nearest == null || at > nearest.position(range.partition()))) {
                nearest = point;
            }
        }
        return new RestoreRelation(Kind.APART, nearest,
                nearest == null ? 0 : range.first() - nearest.position(range.partition()));
    }

    /** For {@code APART}: {@code +240 from the position checkpoint 7 restored for partition 0}. */
    String describeApart(OffsetRange range) {
        return point == null ? "no restore resumed reading partition " + range.partition() + " at or before it"
                : "+" + distance + " from the position " + point.name() + " restored for partition " + range.partition();
    }
}
