package io.cutcheck.harness.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cutcheck.harness.checker.CheckResult;
import io.cutcheck.harness.checker.Validity;
import io.cutcheck.harness.observe.Observations;
import java.nio.file.Path;
import java.util.List;

/**
 * How a run ended: its verdict, its store directory, the results as written, and the error that
 * cut it short (null if none). A run cut short is UNKNOWN unless what it saw already proves
 * INVALID. {@code observations} and {@code checks} are what was judged, so reports need neither
 * read the store again nor judge twice; both are null when the run ended before it had a store.
 */
public record RunOutcome(Validity verdict, Path storeDir, ObjectNode results, String error,
                         Observations observations, List<CheckResult> checks) {

    public RunOutcome {
        checks = checks == null ? null : List.copyOf(checks);
    }

    public int exitCode() {
        return error != null && verdict != Validity.INVALID ? 2 : verdict.exitCode();
    }
}
