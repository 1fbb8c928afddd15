package io.cutcheck.nemesis.proxy.toxic;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One toxic as the API shows it: a named, typed fault on one stream of a proxy, applied to
 * each link with probability {@code toxicity}. Attributes are the kind's integer settings,
 * always all of them (unset ones are 0), in the kind's order.
 */
public record Toxic(String name, ToxicKind kind, Stream stream, float toxicity, Map<String, Long> attributes) {

    public Toxic {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(stream, "stream");
        Map<String, Long> complete = new LinkedHashMap<>();
        for (String attribute : kind.attributes()) {
            complete.put(attribute, attributes.getOrDefault(attribute, 0L));
        }
        attributes = Collections.unmodifiableMap(complete);
    }

    /** The value of one of the kind's attributes. */
    public long attribute(String attribute) {
        Long value = attributes.get(attribute);
        if (value == null) {
            throw new IllegalArgumentException(kind.wireName() + " has no attribute " + attribute);
        }
        return value;
    }

    /** This toxic with some attributes replaced and a new toxicity (an API update). */
    public Toxic withUpdate(Map<String, Long> changedAttributes, float newToxicity) {
        Map<String, Long> merged = new LinkedHashMap<>(attributes);
        changedAttributes.forEach((key, value) -> {
            if (merged.containsKey(key)) {
                merged.put(key, value);
            }
        });
        return new Toxic(name, kind, stream, newToxicity, merged);
    }
}
