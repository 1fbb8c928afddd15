package io.cutcheck.nemesis.network;

import io.cutcheck.nemesis.partition.Link;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What one network fault does, decided before anything is touched: the directed links it hits,
 * the partition shape if it is one, and the toxics to place.
 *
 * @param shape the partition shape's wire name ({@code halves}, {@code one-way}...), or {@code
 *     null} for a link fault
 */
public record NetworkPlan(String kind, String shape, SortedSet<Link> links, List<Placement> placements) {

    public NetworkPlan {
        links = Collections.unmodifiableSortedSet(new TreeSet<>(links));
        placements = List.copyOf(placements);
    }
}
