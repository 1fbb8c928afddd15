package io.cutcheck.nemesis.partition;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.SortedSet;
import java.util.function.BiFunction;

/**
 * The registry of partition shapes a schedule can name, each with one sentence of
 * documentation and the grudge that computes its cut from the nodes and a seeded random source.
 */
public enum Partition {
    HALVES("halves", "Splits the nodes into two random halves that cannot reach each other.", Grudges::halves),
    ONE("one", "Isolates one random node from all the others.", Grudges::one),
    BRIDGE("bridge", "Splits the nodes into two halves joined only through one bridge node that reaches both.", Grudges::bridge),
    MAJORITIES_RING("majorities-ring", "Lets each node hear only the majority centred on it in a random ring: every node sees a majority, no two the same.", Grudges::majoritiesRing),
    ONE_WAY("one-way", "Splits the nodes into two random halves; the first cannot reach the second, which still reaches the first.", Grudges::oneWay);

    private final String wireName;
    private final String description;
    private final BiFunction<List<String>, Random, SortedSet<Link>> grudge;

    Partition(String wireName, String description, BiFunction<List<String>, Random, SortedSet<Link>> grudge) {
        this.wireName = wireName;
        this.description = description;
        this.grudge = grudge;
    }

    /** The name a schedule or command line uses, e.g. {@code majorities-ring}. */
    public String wireName() {
        return wireName;
    }

    public String description() {
        return description;
    }

    /** The directed links to cut among {@code nodes}; the same seed gives the same cut. */
    public SortedSet<Link> cut(List<String> nodes, Random random) {
        return grudge.apply(nodes, random);
    }

    public static Optional<Partition> byWireName(String wireName) {
        for (Partition partition : values()) {
            if (partition.wireName.equals(wireName)) {
                return Optional.of(partition);
            }
        }
        return Optional.empty();
    }
}
