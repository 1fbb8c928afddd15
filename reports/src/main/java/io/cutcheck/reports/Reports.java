package io.cutcheck.reports;

import io.cutcheck.reports.figures.RunFigures;
import io.cutcheck.reports.html.HtmlReport;
import io.cutcheck.reports.junit.JunitXml;
import io.cutcheck.reports.results.ResultsJson;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes a run's report files into its store directory: {@code results.json} (the verdict and
 * figures for programs), {@code junit.xml} (for CI) and {@code report.html} (for people).
 */
public final class Reports {

    /** The files written, in the run's store directory. */
    public record Written(Path results, Path junit, Path html) {}

    private Reports() {}

    public static Written write(RunReport report) throws IOException {
        RunFigures figures = RunFigures.of(report.observations(), report.spec());
        return new Written(ResultsJson.write(report, figures), JunitXml.write(report), HtmlReport.write(report, figures));
    }
}
