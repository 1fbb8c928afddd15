package io.cutcheck.workloads.bank;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutcheck.harness.observe.Observations;
import java.lang.ref.WeakReference;
import java.util.List;
import java.util.Map;

/**
 * What every bank checker needs before it can judge: the ledger the whole input log produces
 * under the bank's options. Either can be missing or unreadable in a run's observations; then a
 * checker has nothing to judge against, and says so as UNKNOWN with {@link Missing#getMessage()}.
 */
final class BankInputs {

    private BankInputs() {}

    /** The run's observations lack what a bank checker judges against. */
    static final class Missing extends Exception {
        Missing(String message) {
            super(message, null, false, false);
        }
    }

    // Both bank checkers judge against the same run's ledger: the last one built is kept (its
    // input map only weakly), so a log of millions of transfers is read once per run.
    private static final Object LAST_LOCK = new Object();
    private static WeakReference<Map<Integer, List<JsonNode>>> lastInput = new WeakReference<>(null);
    private static BankOptions lastOptions;
    private static BankLedger lastLedger;

    static BankLedger ledger(Observations observations) throws Missing {
        BankOptions options = BankOptions.from(observations.workloadOptions()).orElseThrow(
                () -> new Missing("the run did not record the bank's options (peers, accounts, initialBalance)"));
        synchronized (LAST_LOCK) {
            if (lastInput.get() == observations.input() && options.equals(lastOptions)) {
                return lastLedger;
            }
        }
        BankLedger ledger;
        try {
            ledger = BankLedger.of(options, observations.input());
        } catch (BankLedger.Unreadable e) {
            throw new Missing(e.getMessage());
        }
        synchronized (LAST_LOCK) {
            lastInput = new WeakReference<>(observations.input());
            lastOptions = options;
            lastLedger = ledger;
        }
        return ledger;
    }
}
