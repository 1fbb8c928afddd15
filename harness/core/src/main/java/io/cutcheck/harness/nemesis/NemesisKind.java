package io.cutcheck.harness.nemesis;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * One fault kind as the command line offers it: every family of nemeses (processes, disks,
 * network, a runtime's own) lists its kinds this way, and the registry puts the lists together,
 * so adding a kind is one entry in its family's list.
 *
 * @param name the kind as {@code --nemesis} spells it
 * @param family the family it belongs to ({@code process}, {@code disk}, {@code network}, ...):
 *     the self-check runs the correct systems under each family
 * @param description one sentence for the help text
 * @param onlyRuntime the one runtime the kind works on, or null for any
 * @param make a nemesis that handles the kind
 */
public record NemesisKind(String name, String family, String description, String onlyRuntime,
                          Supplier<Nemesis> make) {
    public NemesisKind {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(make, "make");
    }

    /** A kind that works on every runtime. */
    public static NemesisKind of(String name, String family, String description, Supplier<Nemesis> make) {
        return new NemesisKind(name, family, description, null, make);
    }
}
