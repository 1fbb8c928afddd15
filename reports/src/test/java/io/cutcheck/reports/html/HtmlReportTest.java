package io.cutcheck.reports.html;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutcheck.harness.checker.Anomaly;
import io.cutcheck.harness.checker.CheckResult;
import io.cutcheck.harness.checker.Coverage;
import io.cutcheck.reports.RunReport;
import io.cutcheck.reports.SyntheticRun;
import io.cutcheck.reports.figures.RunFigures;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportTest {

    private static final Path STORE = Path.of("/tmp/store/barrier-kill-pause/20261124T160000Z");

    private static String render(RunReport report) {
        return HtmlReport.render(report, RunFigures.of(report.observations(), report.spec()));
    }

    @Test
    void needsNothingFromTheNetwork() {
        String html = render(SyntheticRun.report(STORE));

        assertThat(html).doesNotContainPattern("(src|href)=\"(https?:)?//").doesNotContain("<link ")
                .doesNotContain("@import");
        assertThat(html).contains("echarts").contains("id=\"report-data\"");
    }

    @Test
    void headerCarriesVerdictStoreAndSpec() {
        String html = render(SyntheticRun.report(STORE));

        assertThat(html).contains("verdict-invalid").contains(">INVALID</span>")
                .contains(STORE.toString()).contains("&quot;intervalMs&quot; : 1000");
    }

    @Test
    void everyAnomalyLinksToItsCheckpointRowAndNode() {
        String html = render(SyntheticRun.report(STORE));

        assertThat(html).contains("id=\"anomaly-1\"")
                .contains("href=\"#cp-16\" data-checkpoint=\"16\">checkpoint 16 in the timeline</a>")
                .contains("data-node=\"operator-1\"")
                .contains("<tr id=\"cp-16\" class=\"flagged\"");
    }

    @Test
    void aPartialJudgementSaysHowMuchItJudgedBesideItsVerdict() {
        CheckResult partial = CheckResult.judged("stream-consistent-cut", List.of(), Map.of(),
                new Coverage(3, 46, "committed checkpoints", "43 had no content fetched"));
        CheckResult whole = CheckResult.judged("no-lost-commit", List.of(), Map.of(), Coverage.all(4, "restores"));
        String html = render(SyntheticRun.report(STORE, List.of(partial, whole)));

        assertThat(html).contains("<span class=\"coverage\">(judged 3 of 46 committed checkpoints; 43 had no content"
                + " fetched)</span>").doesNotContain("judged 4 of 4");
    }

    @Test
    void explanationsCannotBreakOutOfThePage() throws Exception {
        Anomaly hostile = new Anomaly("lost-record", "</script><script>alert(1)</script> & <b>", 3L, "<node>",
                Map.of("keys", List.of("</script>")));
        String html = render(SyntheticRun.report(STORE, List.of(CheckResult.of("exactly-once", List.of(hostile), Map.of()))));

        assertThat(html).doesNotContain("<script>alert(1)").contains("&lt;/script&gt;&lt;script&gt;alert(1)");
        Matcher data = Pattern.compile("<script id=\"report-data\" type=\"application/json\">(.*?)</script>",
                Pattern.DOTALL).matcher(html);
        assertThat(data.find()).isTrue();
        JsonNode parsed = new ObjectMapper().readTree(data.group(1));
        assertThat(parsed.get("anomalyCheckpoints").get(0).asLong()).isEqualTo(3);
        assertThat(parsed.get("lanes").get(0).asText()).isEqualTo("(checkpoint)");
    }

    @Test
    void chartDataCoversTheRun() throws Exception {
        String html = render(SyntheticRun.report(STORE));
        Matcher data = Pattern.compile("<script id=\"report-data\" type=\"application/json\">(.*?)</script>",
                Pattern.DOTALL).matcher(html);
        assertThat(data.find()).isTrue();
        JsonNode parsed = new ObjectMapper().readTree(data.group(1));

        assertThat(parsed.get("lanes")).hasSize(1 + SyntheticRun.NODES.size());
        assertThat(parsed.get("faults")).hasSize(3);
        assertThat(parsed.get("episodes")).hasSize(3);
        assertThat(parsed.get("durations")).hasSize(24);
        assertThat(parsed.get("series").get("buckets").size()).isGreaterThan(100);
        assertThat(parsed.get("spans").size()).isEqualTo(29 * (1 + SyntheticRun.NODES.size()));
    }
}
