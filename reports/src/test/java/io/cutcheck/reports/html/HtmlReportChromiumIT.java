package io.cutcheck.reports.html;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutcheck.harness.observe.Collected;
import io.cutcheck.harness.observe.Observations;
import io.cutcheck.reports.Reports;
import io.cutcheck.reports.RunReport;
import io.cutcheck.reports.SyntheticRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders the report of a realistic run in a real headless browser: the charts draw, the
 * anomaly links lead into the timeline, and the page logs nothing to the console. The report and
 * a screenshot stay in {@code target/report-it/} for a person to look at.
 */
class HtmlReportChromiumIT {

    private static final Path STORE = Path.of("target", "report-it", "store", "barrier-kill-pause", "20261124T160000Z");
    private static Path html;

    @BeforeAll
    static void writeReport() throws Exception {
        HeadlessChromium.requireInstalled();
        RunReport report = SyntheticRun.report(STORE);
        html = Reports.write(report).html();
    }

    @Test
    void drawsEveryChartWithoutConsoleMessages() throws Exception {
        HeadlessChromium.Output page = HeadlessChromium.dumpDom(html.toUri().toString());

        assertThat(page.consoleMessages()).as("console messages of the page").isEmpty();
        assertThat(page.stdout()).as("the DOM after the scripts ran").contains("data-rendered=\"timeline throughput latency recovery durations\"");
        assertThat(page.stdout()).doesNotContain("data-errors=");
        for (String chart : new String[] {"chart-timeline", "chart-throughput", "chart-latency", "chart-recovery", "chart-durations"}) {
            assertThat(elementText(page.stdout(), chart)).as(chart + " holds a drawn canvas").contains("<canvas");
        }
    }

    @Test
    void listsTheAnomalyWithALinkIntoTheTimeline() throws Exception {
        String dom = HeadlessChromium.dumpDom(html.toUri().toString()).stdout();

        assertThat(dom).contains("id=\"anomaly-1\"").contains("restore-from-uncommitted")
                .contains("href=\"#cp-" + SyntheticRun.BAD_CHECKPOINT + "\"")
                .contains("<tr id=\"cp-" + SyntheticRun.BAD_CHECKPOINT + "\"");
    }

    @Test
    void followingTheCheckpointLinkSelectsItInTheTimeline() throws Exception {
        HeadlessChromium.Output page = HeadlessChromium.dumpDom(html.toUri() + "#cp-" + SyntheticRun.BAD_CHECKPOINT);

        assertThat(page.consoleMessages()).isEmpty();
        assertThat(page.stdout()).containsPattern("<tr id=\"cp-" + SyntheticRun.BAD_CHECKPOINT + "\" class=\"[^\"]*selected");
    }

    @Test
    void aRunThatObservedNothingStillRenders(@TempDir Path dir) throws Exception {
        RunReport empty = new RunReport(
                new Observations("stream", Map.of(), List.of(), List.of(), List.of(), List.of(), Map.of(), Map.of(),
                        List.of(), Collected.whole(0), Map.of(), false),
                List.of(), Map.of("setup", Duration.ofMillis(900)), dir.resolve("store/empty/1"),
                new ObjectMapper().createObjectNode());
        Path page = Reports.write(empty).html();

        HeadlessChromium.Output out = HeadlessChromium.dumpDom(page.toUri().toString());

        assertThat(out.consoleMessages()).isEmpty();
        assertThat(out.stdout()).contains("data-rendered=\"timeline throughput latency recovery durations\"")
                .contains(">UNKNOWN</span>").doesNotContain("data-errors=");
    }

    @Test
    void aBrokenPageIsCaught(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("broken.html");
        Files.writeString(broken, "<html><body><script>console.error('broken on purpose'); notDefined();</script></body></html>");

        HeadlessChromium.Output page = HeadlessChromium.dumpDom(broken.toUri().toString());

        assertThat(page.consoleMessages()).anyMatch(line -> line.contains("broken on purpose"))
                .anyMatch(line -> line.contains("notDefined"));
    }

    @Test
    void takesAScreenshot() throws Exception {
        Path png = STORE.resolve("report.png");
        Files.deleteIfExists(png);

        HeadlessChromium.screenshot(html.toUri().toString(), png, 1400, 4200);

        assertThat(png).exists();
        assertThat(Files.size(png)).as("a screenshot with content").isGreaterThan(50_000);
    }

    // The inner HTML of the element with this id, up to the next section: enough to look for a canvas.
    private static String elementText(String dom, String id) {
        Matcher m = Pattern.compile("id=\"" + id + "\"(.*?)(</section>|id=\"chart-)", Pattern.DOTALL).matcher(dom);
        return m.find() ? m.group(1) : "";
    }
}
