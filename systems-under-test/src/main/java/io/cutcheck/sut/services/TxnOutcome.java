package io.cutcheck.sut.services;

/** The answer of an output-store transaction call: done (200), refused by the txn's state (409), or no such txn (404). */
public enum TxnOutcome {
    DONE, CONFLICT, UNKNOWN
}
