package io.cutcheck.harness.store;

import java.util.List;

/**
 * What reading a store found wrong with its files. {@code damage} is evidence that cannot be
 * trusted (a line that does not parse in the middle of a file, a file holding fewer lines than the
 * run wrote, a manifest field of the wrong type): no verdict resting on it is valid or invalid.
 * {@code tolerated} is what a killed harness leaves by design, a torn last line, reported so a
 * reader knows what was skipped.
 */
public record StoreIntegrity(List<String> damage, List<String> tolerated) {

    public static final StoreIntegrity INTACT = new StoreIntegrity(List.of(), List.of());

    public StoreIntegrity {
        damage = List.copyOf(damage);
        tolerated = List.copyOf(tolerated);
    }

    public boolean intact() {
        return damage.isEmpty();
    }
}
