package io.cutcheck.workloads.bank;

import io.cutcheck.harness.checker.CheckResult;
import io.cutcheck.harness.checker.Checker;
import io.cutcheck.harness.observe.Observations;

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
        BankOptions options = BankOptions.from(observations.workloadOptions()).orElse(null);
        if (options == null) {
            return CheckResult.unknown(name, "the run did not record the bank's options (peers, accounts, initialBalance)");
        }
        try {
            return check(BankLedger.of(options, observations.input()), observations);
        } catch (BankLedger.Unreadable e) {
            return CheckResult.unknown(name, e.getMessage());
        }
    }

    /** Judges the observations against the ledger of the whole input log. */
    abstract CheckResult check(BankLedger ledger, Observations observations);
}
