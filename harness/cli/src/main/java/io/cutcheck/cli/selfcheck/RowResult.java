package io.cutcheck.cli.selfcheck;

import io.cutcheck.harness.checker.Validity;
import java.util.ArrayList;
import java.util.List;

/**
 * What the self-check saw for one row over its seeds: how many runs met the expectation (a defect
 * caught, the correct system valid), how many could not be judged, and when each defect was first
 * evident. A row whose nemesis is not available is never run and says why.
 */
public final class RowResult {

    /** The row's overall outcome, worst first. */
    public enum Outcome { MISSED, FALSE_ALARM, NOT_RUN, UNKNOWN, PASSED }

    private final Recipe recipe;
    private final String notRunBecause;
    private final List<Validity> verdicts = new ArrayList<>();
    private final List<Long> detectionMillis = new ArrayList<>();

    private RowResult(Recipe recipe, String notRunBecause) {
        this.recipe = recipe;
        this.notRunBecause = notRunBecause;
    }

    public static RowResult runnable(Recipe recipe) {
        return new RowResult(recipe, null);
    }

    public static RowResult notRun(Recipe recipe, String because) {
        return new RowResult(recipe, because);
    }

    /** Records one seed's verdict and, for a caught defect, its time to detection in ms (or null). */
    public void add(Validity verdict, Long detectedAfterMillis) {
        verdicts.add(verdict);
        if (detectedAfterMillis != null && verdict == Validity.INVALID) {
            detectionMillis.add(detectedAfterMillis);
        }
    }

    public Recipe recipe() {
        return recipe;
    }

    public String notRunBecause() {
        return notRunBecause;
    }

    public int tried() {
        return verdicts.size();
    }

    /** Runs that met the expectation: INVALID for a defect, VALID for the correct system. */
    public int passed() {
        Validity expected = recipe.expectsInvalid() ? Validity.INVALID : Validity.VALID;
        return (int) verdicts.stream().filter(v -> v == expected).count();
    }

    public int unknown() {
        return (int) verdicts.stream().filter(v -> v == Validity.UNKNOWN).count();
    }

    public List<Long> detectionMillis() {
        return List.copyOf(detectionMillis);
    }

    public Outcome outcome() {
        if (notRunBecause != null) {
            return Outcome.NOT_RUN;
        }
        if (!recipe.expectsInvalid() && verdicts.contains(Validity.INVALID)) {
            return Outcome.FALSE_ALARM;
        }
        if (recipe.expectsInvalid() && verdicts.contains(Validity.VALID)) {
            return Outcome.MISSED;
        }
        return unknown() > 0 || tried() == 0 ? Outcome.UNKNOWN : Outcome.PASSED;
    }
}
