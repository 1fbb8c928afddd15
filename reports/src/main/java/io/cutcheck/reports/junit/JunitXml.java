package io.cutcheck.reports.junit;

import io.cutcheck.harness.checker.Anomaly;
import io.cutcheck.harness.checker.CheckResult;
import io.cutcheck.harness.checker.Validity;
import io.cutcheck.reports.RunReport;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes {@code junit.xml} in the Surefire report format, so CI systems list a run like a test
 * class: the suite is the test, each checker is one test case. An INVALID checker is a
 * {@code <failure>} whose message and text are its anomalies' explanations; an UNKNOWN checker is
 * an {@code <error>} (the run could not be judged); a run with no checker gets one erroring case,
 * so CI never shows an unjudged run as green.
 */
public final class JunitXml {

    public static final String FILE_NAME = "junit.xml";
    private static final String NO_CHECKER = "verdict";

    private JunitXml() {}

    public static Path write(RunReport report) throws IOException {
        Files.createDirectories(report.storeDir());
        Path file = report.storeDir().resolve(FILE_NAME);
        try (OutputStream out = Files.newOutputStream(file)) {
            write(report, out);
        }
        return file;
    }

    public static void write(RunReport report, OutputStream out) throws IOException {
        List<CheckResult> results = report.results().isEmpty()
                ? List.of(CheckResult.unknown(NO_CHECKER, "No checker ran, so the run was not judged."))
                : report.results();
        String suite = "cutcheck." + report.testName();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", suite);
            xml.writeAttribute("tests", Integer.toString(results.size()));
            xml.writeAttribute("failures", Long.toString(count(results, Validity.INVALID)));
            xml.writeAttribute("errors", Long.toString(count(results, Validity.UNKNOWN)));
            xml.writeAttribute("skipped", "0");
            xml.writeAttribute("time", seconds(report.totalTime()));
            xml.writeAttribute("timestamp", ZonedDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS)
                    .format(DateTimeFormatter.ISO_LOCAL_DATE_TIME));
            xml.writeCharacters("\n  ");
            properties(xml, report);
            for (CheckResult result : results) {
                xml.writeCharacters("\n  ");
                testCase(xml, suite, result, report.phases().getOrDefault("check", Duration.ZERO), results.size());
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write " + FILE_NAME + ": " + e.getMessage(), e);
        }
    }

    private static void properties(XMLStreamWriter xml, RunReport report) throws XMLStreamException {
        xml.writeStartElement("properties");
        property(xml, "store", report.storeDir().toString());
        property(xml, "workload", report.observations().workload());
        if (report.spec().has("seed")) {
            property(xml, "seed", report.spec().get("seed").asText());
        }
        xml.writeEndElement();
    }

    private static void property(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeEmptyElement("property");
        xml.writeAttribute("name", name);
        xml.writeAttribute("value", value == null ? "" : xmlSafe(value));
    }

    // Checkers do not time themselves, so each case gets an equal share of the check phase.
    private static void testCase(XMLStreamWriter xml, String suite, CheckResult result, Duration check, int cases)
            throws XMLStreamException {
        boolean passed = result.validity() == Validity.VALID;
        if (passed) {
            xml.writeEmptyElement("testcase");
        } else {
            xml.writeStartElement("testcase");
        }
        xml.writeAttribute("name", xmlSafe(result.checker()));
        xml.writeAttribute("classname", suite);
        xml.writeAttribute("time", seconds(check.dividedBy(cases)));
        if (passed) {
            return;
        }
        xml.writeStartElement(result.validity() == Validity.INVALID ? "failure" : "error");
        xml.writeAttribute("message", xmlSafe(message(result)));
        xml.writeAttribute("type", xmlSafe(result.anomalies().stream().map(Anomaly::type).distinct()
                .collect(Collectors.joining(","))));
        xml.writeCharacters(xmlSafe(details(result)));
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static String message(CheckResult result) {
        int n = result.anomalies().size();
        if (n == 0) {
            return result.checker() + " is " + result.validity().name().toLowerCase(Locale.ROOT);
        }
        String first = result.anomalies().get(0).explanation();
        return n == 1 ? first : first + " (and " + (n - 1) + " more)";
    }

    private static String details(CheckResult result) {
        StringBuilder text = new StringBuilder();
        for (Anomaly a : result.anomalies()) {
            text.append(a.type()).append(": ").append(a.explanation());
            if (a.checkpoint() != null) {
                text.append("\n  checkpoint: ").append(a.checkpoint());
            }
            if (a.node() != null) {
                text.append("\n  node: ").append(a.node());
            }
            new TreeMap<>(a.evidence()).forEach((k, v) -> text.append("\n  ").append(k).append(": ").append(v));
            text.append('\n');
        }
        return text.toString();
    }

    // The writer escapes markup but not characters XML 1.0 forbids (control characters from a
    // system's error text, say); those would make the whole file unreadable to CI.
    private static String xmlSafe(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.appendCodePoint(
                c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                        || c >= 0x10000 ? c : 0xFFFD));
        return out.toString();
    }

    private static long count(List<CheckResult> results, Validity validity) {
        return results.stream().filter(r -> r.validity() == validity).count();
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.3f", duration.toMillis() / 1000.0);
    }
}
