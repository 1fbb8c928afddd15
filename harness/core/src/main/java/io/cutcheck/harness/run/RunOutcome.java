package io.cutcheck.harness.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cutcheck.harness.checker.Validity;
import java.nio.file.Path;

/** How a run ended: its verdict, its store directory, and the results as written. */
public record RunOutcome(Validity verdict, Path storeDir, ObjectNode results, String error) {

    public int exitCode() {
        return error != null ? 2 : verdict.exitCode();
    }
}
