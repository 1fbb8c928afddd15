package io.cutcheck.sut.storage;

import java.io.IOException;

/** A part or metadata file that is missing, torn, or fails its checksum: it must never be restored. */
public final class CorruptCheckpointException extends IOException {
    public CorruptCheckpointException(String message) {
        super(message);
    }
}
