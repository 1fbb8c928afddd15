package io.cutcheck.nemesis.partition;

import java.util.Comparator;
import java.util.Objects;

/**
 * A directed network link: traffic from {@code from} to {@code to}. Cutting it means {@code to}
 * no longer hears {@code from}; the opposite link is a separate value.
 */
public record Link(String from, String to) implements Comparable<Link> {

    private static final Comparator<Link> ORDER = Comparator.comparing(Link::from).thenComparing(Link::to);

    public Link {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.equals(to)) {
            throw new IllegalArgumentException("a link joins two different nodes, not " + from + " to itself");
        }
    }

    /** The link the other way. */
    public Link reversed() {
        return new Link(to, from);
    }

    @Override
    public int compareTo(Link other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return from + "->" + to;
    }
}
