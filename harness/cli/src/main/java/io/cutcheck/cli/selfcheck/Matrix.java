package io.cutcheck.cli.selfcheck;

import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Prints the self-check's matrix: each defect with seeds caught / tried and time to detection
 * (median and worst), then each correct system and nemesis with seeds valid / tried, then one
 * verdict line. The exit code follows: 0 all caught and no false alarm, 1 a defect missed or a
 * false alarm, 2 a row not run or not judged.
 */
public final class Matrix {

    private Matrix() {}

    public static void print(List<RowResult> rows, PrintWriter out) {
        // the nemesis column as wide as its longest entry, so the counts stay in one column
        int width = Math.max(50, rows.stream().mapToInt(r -> kinds(r).length()).max().orElse(0));
        String row = "%-40s %-" + width + "s %s%n";
        out.println();
        out.printf(row, "defect", "nemesis", String.format("%-8s %s", "caught", "time to detection (median / max)"));
        rows.stream().filter(r -> r.recipe().expectsInvalid()).forEach(r -> out.printf(row,
                r.recipe().system() + "/" + r.recipe().defect(), kinds(r), cells(r)));
        out.println();
        out.printf(row, "correct system", "nemesis", "valid");
        rows.stream().filter(r -> !r.recipe().expectsInvalid()).forEach(r -> out.printf(row,
                r.recipe().system(), kinds(r), cells(r)));
        out.println();
        out.println(summary(rows));
        out.flush();
    }

    public static int exitCode(List<RowResult> rows) {
        RowResult.Outcome worst = worst(rows);
        return switch (worst) {
            case PASSED -> 0;
            case MISSED, FALSE_ALARM -> 1;
            case NOT_RUN, UNKNOWN -> 2;
        };
    }

    static String summary(List<RowResult> rows) {
        long defects = rows.stream().filter(r -> r.recipe().expectsInvalid()).count();
        long caught = rows.stream().filter(r -> r.recipe().expectsInvalid())
                .filter(r -> r.outcome() == RowResult.Outcome.PASSED).count();
        long falseAlarms = rows.stream().filter(r -> r.outcome() == RowResult.Outcome.FALSE_ALARM).count();
        long notRun = rows.stream().filter(r -> r.outcome() == RowResult.Outcome.NOT_RUN).count();
        return String.format("self-check: %s — %d of %d defects caught on every seed, %d false alarm row(s), "
                        + "%d row(s) not run", worst(rows) == RowResult.Outcome.PASSED ? "passed" : "FAILED",
                caught, defects, falseAlarms, notRun);
    }

    private static RowResult.Outcome worst(List<RowResult> rows) {
        return rows.stream().map(RowResult::outcome).min(Enum::compareTo).orElse(RowResult.Outcome.UNKNOWN);
    }

    private static String kinds(RowResult r) {
        return String.join(",", r.recipe().kinds()) + " @" + String.join(",", r.recipe().targets());
    }

    private static String cells(RowResult r) {
        if (r.notRunBecause() != null) {
            return "—        " + r.notRunBecause();
        }
        String count = String.format("%d/%d", r.passed(), r.tried())
                + (r.unknown() > 0 ? " (" + r.unknown() + " unknown)" : "");
        if (!r.recipe().expectsInvalid() || r.detectionMillis().isEmpty()) {
            return count;
        }
        List<Long> sorted = r.detectionMillis().stream().sorted().collect(Collectors.toList());
        return String.format("%-8s %5.1f s / %5.1f s", count, sorted.get((sorted.size() - 1) / 2) / 1000.0,
                sorted.get(sorted.size() - 1) / 1000.0);
    }
}
