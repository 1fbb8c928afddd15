package io.cutcheck.nemesis.partition;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Which links a network partition cuts, as pure functions of the node names (Jepsen's
 * "grudges"). Each shape has a deterministic form over the nodes in the order given, and a form
 * that shuffles them first with the caller's seeded {@link Random}. Applying a cut (to proxies,
 * firewalls) is someone else's job: these functions only say which directed links to cut, as a
 * sorted, unmodifiable set.
 */
public final class Grudges {

    private Grudges() {
    }

    /** Every link between nodes of different components is cut, both ways. */
    public static SortedSet<Link> complete(List<? extends Collection<String>> components) {
        SortedSet<Link> cut = new TreeSet<>();
        for (int i = 0; i < components.size(); i++) {
            for (int j = 0; j < components.size(); j++) {
                if (i != j) {
                    for (String from : components.get(i)) {
                        for (String to : components.get(j)) {
                            cut.add(new Link(from, to));
                        }
                    }
                }
            }
        }
        return Collections.unmodifiableSortedSet(cut);
    }

    /** Splits the nodes in two, the first half the smaller when odd, and cuts between them. */
    public static SortedSet<Link> halves(List<String> nodes) {
        List<String> checked = distinct(nodes, 2, "halves");
        int middle = checked.size() / 2;
        return complete(List.of(checked.subList(0, middle), checked.subList(middle, checked.size())));
    }

    public static SortedSet<Link> halves(List<String> nodes, Random random) {
        return halves(shuffled(nodes, random));
    }

    /** Isolates one node from all the others, both ways. */
    public static SortedSet<Link> one(List<String> nodes, String isolated) {
        List<String> checked = distinct(nodes, 2, "one");
        if (!checked.contains(isolated)) {
            throw new IllegalArgumentException("one: " + isolated + " is not one of " + checked);
        }
        List<String> rest = new ArrayList<>(checked);
        rest.remove(isolated);
        return complete(List.of(List.of(isolated), rest));
    }

    public static SortedSet<Link> one(List<String> nodes, Random random) {
        List<String> checked = distinct(nodes, 2, "one");
        return one(checked, checked.get(random.nextInt(checked.size())));
    }

    /**
     * Cuts the nodes into halves but keeps a bridge, the first node of the second half, which
     * still talks to everyone both ways.
     */
    public static SortedSet<Link> bridge(List<String> nodes) {
        List<String> checked = distinct(nodes, 3, "bridge");
        String bridge = checked.get(checked.size() / 2);
        SortedSet<Link> cut = new TreeSet<>(halves(checked));
        cut.removeIf(link -> link.from().equals(bridge) || link.to().equals(bridge));
        return Collections.unmodifiableSortedSet(cut);
    }

    public static SortedSet<Link> bridge(List<String> nodes, Random random) {
        return bridge(shuffled(nodes, random));
    }

    /**
     * With the nodes in a ring, each node hears only the majority of nodes centred on it, so every
     * node sees a majority but no two see the same one. For an odd count the cut is symmetric;
     * for an even count some links are cut one way only, as in Jepsen.
     */
    public static SortedSet<Link> majoritiesRing(List<String> nodes) {
        List<String> ring = distinct(nodes, 3, "majorities-ring");
        int n = ring.size();
        int majority = n / 2 + 1;
        SortedSet<Link> cut = new TreeSet<>();
        for (int centre = 0; centre < n; centre++) {
            Set<String> heard = new HashSet<>();
            int start = centre - majority / 2;
            for (int k = 0; k < majority; k++) {
                heard.add(ring.get(Math.floorMod(start + k, n)));
            }
            for (String from : ring) {
                if (!heard.contains(from)) {
                    cut.add(new Link(from, ring.get(centre)));
                }
            }
        }
        return Collections.unmodifiableSortedSet(cut);
    }

    public static SortedSet<Link> majoritiesRing(List<String> nodes, Random random) {
        return majoritiesRing(shuffled(nodes, random));
    }

    /** Nodes in {@code senders} cannot reach nodes in {@code receivers}; the other way still works. */
    public static SortedSet<Link> oneWay(Collection<String> senders, Collection<String> receivers) {
        List<String> all = new ArrayList<>(senders);
        all.addAll(receivers);
        distinct(all, 2, "one-way");
        SortedSet<Link> cut = new TreeSet<>();
        for (String from : senders) {
            for (String to : receivers) {
                cut.add(new Link(from, to));
            }
        }
        return Collections.unmodifiableSortedSet(cut);
    }

    /** Splits as {@link #halves(List)} does; the first half cannot reach the second, which still reaches it. */
    public static SortedSet<Link> oneWay(List<String> nodes) {
        List<String> checked = distinct(nodes, 2, "one-way");
        int middle = checked.size() / 2;
        return oneWay(checked.subList(0, middle), checked.subList(middle, checked.size()));
    }

    public static SortedSet<Link> oneWay(List<String> nodes, Random random) {
        return oneWay(shuffled(nodes, random));
    }

    private static List<String> shuffled(List<String> nodes, Random random) {
        List<String> copy = new ArrayList<>(distinct(nodes, 0, "shuffle"));
        Collections.shuffle(copy, random);
        return copy;
    }

    private static List<String> distinct(Collection<String> nodes, int minimum, String shape) {
        List<String> copy = List.copyOf(nodes);
        if (new HashSet<>(copy).size() != copy.size()) {
            throw new IllegalArgumentException(shape + ": node names must be distinct: " + copy);
        }
        if (copy.size() < minimum) {
            throw new IllegalArgumentException(shape + " needs at least " + minimum + " nodes, got " + copy.size());
        }
        return copy;
    }
}
