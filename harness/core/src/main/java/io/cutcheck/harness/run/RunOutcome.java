package io.cutcheck.harness.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cutcheck.harness.checker.Validity;
import java.nio.file.Path;

/**
 * How a run ended: its verdict, its store directory, the results as written, and the error that
 * cut it short (null if none). A run cut short is UNKNOWN unless what it saw already proves INVALID.
 */
public record RunOutcome(Validity verdict, Path storeDir, ObjectNode results, String error) {

    public int exitCode() {
        return error != null && verdict != Validity.INVALID ? 2 : verdict.exitCode();
    }
}
