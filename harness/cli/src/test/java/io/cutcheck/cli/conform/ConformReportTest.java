package io.cutcheck.cli.conform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The table, its exit status, and the id rule's arithmetic. */
class ConformReportTest {

    @Test
    void rowsFollowTheProtocolsOrderAndRulesNotReachedAreSkipped() {
        Report report = new Report();
        report.record(Outcome.pass(Rules.HEALTH, "3 nodes"));
        report.record(Outcome.fail(Rules.NOT_FOUND, "sink-0 answered 200", "GET http://x/nope → 200 {}"));
        report.record(Outcome.pass(Rules.NOT_FOUND, "a later pass does not hide the failure"));
        report.record(Outcome.pass(Rules.CONFIG_NOT_JSON, "exit 2"));
        List<Outcome> rows = report.rows(List.of(Rules.CONFIG_NOT_JSON, Rules.HEALTH, Rules.NOT_FOUND, Rules.IDS),
                "not reached");
        assertThat(rows).extracting(Outcome::verdict).containsExactly(Verdict.PASS, Verdict.PASS, Verdict.FAIL,
                Verdict.SKIP);
        assertThat(rows.get(3).note()).isEqualTo("not reached");
        assertThat(Report.exitCode(rows)).isEqualTo(1);
        assertThat(Report.exitCode(rows.subList(0, 2))).isZero();

        StringWriter text = new StringWriter();
        Report.print(rows, 12.34, new PrintWriter(text));
        List<String> lines = text.toString().lines().toList();
        assertThat(lines.get(0)).startsWith("§ ").contains("rule", "result");
        assertThat(lines.get(1)).startsWith("§1  " + Rules.CONFIG_NOT_JSON.text()).endsWith("PASS  exit 2");
        assertThat(lines.get(3)).startsWith("§2  " + Rules.NOT_FOUND.text()).contains("FAIL  sink-0 answered 200");
        assertThat(lines.get(4)).isEqualTo("        GET http://x/nope → 200 {}");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("conform: 4 rules: 2 PASS, 1 FAIL, 1 SKIP in 12.3 s");
    }

    @Test
    void idsThatIncreaseAcrossTheRestartPass() {
        Outcome o = RestoreChecks.ids(List.of(3L, 5L), Set.of(1L, 2L, 3L, 4L), 4, 5, null);
        assertThat(o.verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void anIdReusedAfterTheRestartFails() {
        Outcome o = RestoreChecks.ids(List.of(3L, 3L), Set.of(1L, 2L, 3L), 3, 3, null);
        assertThat(o.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(o.note()).contains("trigger answered id 3 after 3");
        assertThat(String.join("\n", o.evidence())).contains("which was in use before", "not above 3");
    }
}
