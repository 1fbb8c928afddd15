package io.cutcheck.sut.storage;

import java.util.Arrays;
import java.util.Optional;

/** The deliberate durability bugs of the storage layer, selected by the node's {@code defect}. */
public enum StorageDefect {
    NONE("none", "the commit protocol as written"),
    RENAME_WITHOUT_FSYNC("rename-without-fsync",
            "a part or metadata file is renamed into place without fsyncing its contents first"),
    IGNORE_FSYNC_ERROR("ignore-fsync-error",
            "a failed fsync is logged and ignored, so a checkpoint counts as durable when it is not"),
    MANIFEST_WITHOUT_DIR_FSYNC("manifest-without-dir-fsync",
            "the directory is not fsynced after a rename, so the new name may vanish in a crash");

    private final String wire;
    private final String description;

    StorageDefect(String wire, String description) {
        this.wire = wire;
        this.description = description;
    }

    public String wire() {
        return wire;
    }

    public String description() {
        return description;
    }

    /** The storage defect named by a node's {@code defect} field, or NONE when it names another kind of defect. */
    public static StorageDefect of(Optional<String> defect) {
        return defect.flatMap(name -> Arrays.stream(values()).filter(d -> d.wire.equals(name)).findFirst())
                .orElse(NONE);
    }
}
