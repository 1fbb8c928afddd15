package io.cutcheck.harness.checker;

/**
 * How much of its evidence a checker judged: {@code judged} of the {@code of} items of
 * {@code what} it had ("committed checkpoints", "restores"), and why the others were not judged.
 * A verdict that rests on part of its evidence says so, in {@code results.json} and on the
 * command line, so "valid" never silently means "valid on the three checkpoints that were left".
 *
 * <p>The floor: a checker that judged none of its evidence while there was some ({@code judged
 * == 0 && of > 0}, say no committed checkpoint's content of 46 committed) has no verdict to give,
 * and is UNKNOWN with this coverage as the reason, never VALID ({@link CheckResult#judged}).
 *
 * @param judged how many items were judged
 * @param of how many there were
 * @param what the items, plural ("committed checkpoints")
 * @param rest why the others were not judged ("43 had no content fetched"), or null when none were left
 */
public record Coverage(long judged, long of, String what, String rest) {

    public Coverage {
        if (judged < 0 || judged > of) {
            throw new IllegalArgumentException("coverage out of range: " + judged + " of " + of);
        }
    }

    /** Every item judged. */
    public static Coverage all(long count, String what) {
        return new Coverage(count, count, what, null);
    }

    public boolean complete() {
        return judged == of;
    }

    /** Nothing judged although there was something to judge: no verdict can rest on it. */
    public boolean belowFloor() {
        return judged == 0 && of > 0;
    }

    /** For example {@code judged 3 of 46 committed checkpoints; 43 had no content fetched}. */
    public String describe() {
        return "judged " + judged + " of " + of + " " + what + (rest == null || rest.isBlank() ? "" : "; " + rest);
    }
}
