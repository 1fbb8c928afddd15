package io.cutcheck.cli.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;

import io.cutcheck.harness.checker.Validity;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class MatrixTest {

    static Recipe defect(String name) {
        return new Recipe("barrier", name, List.of("kill"), List.of("one"), 500, 2000, 1000, "why");
    }

    static final Recipe CORRECT = new Recipe("barrier", null, List.of("pause"), List.of("one"), 500, 2000, 1000, "ok");

    @Test
    void everyDefectCaughtAndNoFalseAlarmPasses() {
        RowResult caught = RowResult.runnable(defect("no-barrier-alignment"));
        caught.add(Validity.INVALID, 1200L);
        caught.add(Validity.INVALID, 3400L);
        RowResult valid = RowResult.runnable(CORRECT);
        valid.add(Validity.VALID, null);

        StringWriter text = new StringWriter();
        Matrix.print(List.of(caught, valid), new PrintWriter(text));

        assertThat(Matrix.exitCode(List.of(caught, valid))).isZero();
        assertThat(text.toString()).contains("barrier/no-barrier-alignment", "2/2", "1.2 s /   3.4 s",
                "self-check: passed");
    }

    @Test
    void aMissOrAFalseAlarmFailsWithOneAndARowNotRunWithTwo() {
        RowResult missed = RowResult.runnable(defect("restore-pending-checkpoint"));
        missed.add(Validity.INVALID, 100L);
        missed.add(Validity.VALID, null);
        RowResult falseAlarm = RowResult.runnable(CORRECT);
        falseAlarm.add(Validity.INVALID, 50L);
        RowResult notRun = RowResult.notRun(defect("rename-without-fsync"), "nemesis not available: lose-unsynced");
        RowResult unknown = RowResult.runnable(CORRECT);
        unknown.add(Validity.UNKNOWN, null);

        assertThat(missed.outcome()).isEqualTo(RowResult.Outcome.MISSED);
        assertThat(falseAlarm.outcome()).isEqualTo(RowResult.Outcome.FALSE_ALARM);
        assertThat(Matrix.exitCode(List.of(missed, notRun))).isEqualTo(1);
        assertThat(Matrix.exitCode(List.of(falseAlarm))).isEqualTo(1);
        assertThat(Matrix.exitCode(List.of(notRun, unknown))).isEqualTo(2);
        StringWriter text = new StringWriter();
        Matrix.print(List.of(missed, notRun, unknown), new PrintWriter(text));
        assertThat(text.toString()).contains("1/2", "nemesis not available: lose-unsynced", "0/1 (1 unknown)",
                "self-check: FAILED");
    }
}
