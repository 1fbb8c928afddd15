package io.cutcheck.sut.barrier;

import java.io.IOException;
import java.util.List;

/** The output store as a two-phase-commit sink sees it (PROTOCOL.md section 5). */
interface TransactionalOutput {

    /** A transaction of this sink found at recovery; {@code checkpoint} is null while open. */
    record Txn(String name, Long checkpoint) {
    }

    void stage(String txn, List<StreamRecord> records) throws IOException;

    void prepare(String txn, long checkpoint) throws IOException;

    /** Idempotent. */
    void commit(String txn) throws IOException;

    void abort(String txn) throws IOException;

    /** This sink's transactions in state {@code open} or {@code prepared}. */
    List<Txn> list(String state) throws IOException;
}
