package io.cutcheck.junit;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;

/**
 * A finished cutcheck run as a test sees it.
 *
 * @param verdict valid, invalid or unknown (the run could not be judged)
 * @param storeDir the run's store directory ({@code results.json}, {@code report.html}, …), or
 *     null if the run ended before it had one
 * @param explanation what {@code cutcheck test} prints: verdict, counts, anomalies, store
 * @param results the complete {@code results.json}
 */
public record CutcheckResult(Verdict verdict, Path storeDir, String explanation, JsonNode results) {

    /** The run's verdict. */
    public enum Verdict { VALID, INVALID, UNKNOWN }

    public boolean valid() {
        return verdict == Verdict.VALID;
    }
}
