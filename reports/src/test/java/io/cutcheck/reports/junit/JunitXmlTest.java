package io.cutcheck.reports.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.cutcheck.harness.checker.Anomaly;
import io.cutcheck.harness.checker.CheckResult;
import io.cutcheck.reports.RunReport;
import io.cutcheck.reports.SyntheticRun;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JunitXmlTest {

    @TempDir
    Path store;

    private Element suite(RunReport report) throws Exception {
        Path file = JunitXml.write(report);
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        return document.getDocumentElement();
    }

    @Test
    void oneTestCasePerCheckerAndAFailureForTheInvalidOne() throws Exception {
        Element suite = suite(SyntheticRun.report(store));

        assertThat(suite.getTagName()).isEqualTo("testsuite");
        assertThat(suite.getAttribute("name")).isEqualTo("cutcheck.barrier-kill-pause");
        assertThat(suite.getAttribute("tests")).isEqualTo("3");
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        assertThat(suite.getAttribute("errors")).isEqualTo("0");
        assertThat(suite.getAttribute("skipped")).isEqualTo("0");
        assertThat(Double.parseDouble(suite.getAttribute("time"))).isEqualTo(36.05);
        NodeList cases = suite.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(3);
        Element failed = (Element) cases.item(0);
        assertThat(failed.getAttribute("name")).isEqualTo("committed-restore");
        assertThat(failed.getAttribute("classname")).isEqualTo("cutcheck.barrier-kill-pause");
        Element failure = (Element) failed.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).contains("restored from checkpoint 16");
        assertThat(failure.getAttribute("type")).isEqualTo("restore-from-uncommitted");
        assertThat(failure.getTextContent()).contains("checkpoint: 16").contains("node: operator-1");
        assertThat(((Element) cases.item(1)).getElementsByTagName("failure").getLength()).isZero();
        assertThat(suite.getElementsByTagName("error").getLength()).isZero();
    }

    @Test
    void unknownIsAnErrorAndNoCheckerIsOneToo() throws Exception {
        Element unknown = suite(SyntheticRun.report(store,
                List.of(CheckResult.unknown("exactly-once", "The output store could not be read."),
                        CheckResult.valid("progress", Map.of()))));
        assertThat(unknown.getAttribute("tests")).isEqualTo("2");
        assertThat(unknown.getAttribute("errors")).isEqualTo("1");
        assertThat(unknown.getAttribute("failures")).isEqualTo("0");
        assertThat(((Element) unknown.getElementsByTagName("error").item(0)).getAttribute("message"))
                .isEqualTo("The output store could not be read.");

        Element none = suite(SyntheticRun.report(store, List.of()));
        assertThat(none.getAttribute("tests")).isEqualTo("1");
        assertThat(none.getAttribute("errors")).isEqualTo("1");
    }

    @Test
    void markupAndControlCharactersInExplanationsStayReadable() throws Exception {
        Anomaly tricky = new Anomaly("lost-record", "record <k17 & \"v\"> ]]> was lost\u0001", 3L, null,
                Map.of("keys", List.of("<k17>")));
        Element suite = suite(SyntheticRun.report(store, List.of(CheckResult.of("exactly-once", List.of(tricky), Map.of()))));

        Element failure = (Element) suite.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).isEqualTo("record <k17 & \"v\"> ]]> was lost\uFFFD");
        assertThat(failure.getTextContent()).contains("keys: [<k17>]");
    }

    @Test
    void severalAnomaliesAreCountedInTheMessageAndAllListed() throws Exception {
        List<Anomaly> lost = List.of(Anomaly.of("lost-record", "offset 5 lost"), Anomaly.of("duplicate-record", "offset 9 twice"));
        Element suite = suite(SyntheticRun.report(store, List.of(CheckResult.of("exactly-once", lost, Map.of()))));

        Element failure = (Element) suite.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).isEqualTo("offset 5 lost (and 1 more)");
        assertThat(failure.getAttribute("type")).isEqualTo("lost-record,duplicate-record");
        assertThat(failure.getTextContent()).contains("offset 5 lost").contains("offset 9 twice");
    }
}
