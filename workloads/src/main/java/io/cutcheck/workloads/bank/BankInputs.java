package io.cutcheck.workloads.bank;

import io.cutcheck.harness.observe.Observations;

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

    static BankLedger ledger(Observations observations) throws Missing {
        BankOptions options = BankOptions.from(observations.workloadOptions()).orElseThrow(
                () -> new Missing("the run did not record the bank's options (peers, accounts, initialBalance)"));
        try {
            return BankLedger.of(options, observations.input());
        } catch (BankLedger.Unreadable e) {
            throw new Missing(e.getMessage());
        }
    }
}
