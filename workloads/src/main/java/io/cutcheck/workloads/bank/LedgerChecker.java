package io.cutcheck.workloads.bank;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutcheck.harness.checker.CheckResult;
import io.cutcheck.harness.checker.Checker;
import io.cutcheck.harness.observe.Observations;
import java.lang.ref.WeakReference;
import java.util.List;
import java.util.Map;

/**
 * A bank checker: it judges against the ledger the whole input log produces under the bank's
 * options. Either can be missing or unreadable in a run's observations; then there is nothing to
 * judge against, and the result is UNKNOWN saying which.
 */
abstract class LedgerChecker implements Checker {

    private final String name;

    LedgerChecker(String name) {
        this.name = name;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final CheckResult check(Observations observations) {
        if (!observations.collected().isWhole()) {
            return CheckResult.unknown(name, observations.collected().missing());
        }
        BankOptions options = BankOptions.from(observations.workloadOptions()).orElse(null);
        if (options == null) {
            return CheckResult.unknown(name, "the run did not record the bank's options (peers, accounts, initialBalance)");
        }
        try {
            return check(ledger(options, observations.input()), observations);
        } catch (BankLedger.Unreadable e) {
            return CheckResult.unknown(name, e.getMessage());
        }
    }

    // Every bank checker judges against the same run's ledger: the last one built is kept (its
    // input map only weakly), so a log of millions of transfers is read once per run.
    private static final Object LAST_LOCK = new Object();
    private static WeakReference<Map<Integer, List<JsonNode>>> lastInput = new WeakReference<>(null);
    private static BankOptions lastOptions;
    private static BankLedger lastLedger;

    private static BankLedger ledger(BankOptions options, Map<Integer, List<JsonNode>> input)
            throws BankLedger.Unreadable {
        synchronized (LAST_LOCK) {
            if (lastInput.get() == input && options.equals(lastOptions)) {
                return lastLedger;
            }
        }
        BankLedger ledger = BankLedger.of(options, input);
        synchronized (LAST_LOCK) {
            lastInput = new WeakReference<>(input);
            lastOptions = options;
            lastLedger = ledger;
        }
        return ledger;
    }

    /** Judges the observations against the ledger of the whole input log. */
    abstract CheckResult check(BankLedger ledger, Observations observations);
}
