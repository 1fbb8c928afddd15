package io.cutcheck.nemesis.partition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The grudges as a table: nodes in, exactly these directed links cut. */
class GrudgesTest {

    private static final List<String> ABC = List.of("a", "b", "c");
    private static final List<String> ABCD = List.of("a", "b", "c", "d");
    private static final List<String> ABCDE = List.of("a", "b", "c", "d", "e");
    private static final List<String> ABCDEF = List.of("a", "b", "c", "d", "e", "f");

    static Stream<Arguments> table() {
        return Stream.of(
                row("halves of 2", () -> Grudges.halves(List.of("a", "b")), "a->b b->a"),
                row("halves of 3: the first half is the smaller", () -> Grudges.halves(ABC), "a->b a->c b->a c->a"),
                row("halves of 5", () -> Grudges.halves(ABCDE),
                        "a->c a->d a->e b->c b->d b->e c->a c->b d->a d->b e->a e->b"),
                row("one isolates b", () -> Grudges.one(ABC, "b"), "a->b b->a b->c c->b"),
                row("bridge of 3 keeps b", () -> Grudges.bridge(ABC), "a->c c->a"),
                row("bridge of 5 keeps c", () -> Grudges.bridge(ABCDE), "a->d a->e b->d b->e d->a d->b e->a e->b"),
                row("majorities ring of 3: each hears itself and the node before", () -> Grudges.majoritiesRing(ABC),
                        "a->c b->a c->b"),
                row("majorities ring of 4", () -> Grudges.majoritiesRing(ABCD), "a->c b->d c->a d->b"),
                row("majorities ring of 5: each hears its neighbours", () -> Grudges.majoritiesRing(ABCDE),
                        "a->c a->d b->d b->e c->a c->e d->a d->b e->b e->c"),
                row("majorities ring of 6: some links cut one way only", () -> Grudges.majoritiesRing(ABCDEF),
                        "a->d a->e b->e b->f c->a c->f d->a d->b e->b e->c f->c f->d"),
                row("one way of 2", () -> Grudges.oneWay(List.of("a", "b")), "a->b"),
                row("one way of 4: first half cannot reach the second", () -> Grudges.oneWay(ABCD),
                        "a->c a->d b->c b->d"),
                row("one way between named groups", () -> Grudges.oneWay(List.of("x"), List.of("y", "z")), "x->y x->z"),
                row("complete of three components", () -> Grudges.complete(List.of(List.of("a"), List.of("b"), List.of("c"))),
                        "a->b a->c b->a b->c c->a c->b"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void cuts_exactly(String name, Supplier<SortedSet<Link>> grudge, SortedSet<Link> expected) {
        assertThat(grudge.get()).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest
    @EnumSource(Partition.class)
    void the_same_seed_gives_the_same_cut(Partition partition) {
        assertThat(partition.cut(ABCDE, new Random(11))).isEqualTo(partition.cut(ABCDE, new Random(11)));
    }

    @ParameterizedTest
    @EnumSource(Partition.class)
    void every_shape_is_documented_and_named(Partition partition) {
        assertThat(partition.description()).endsWith(".").hasSizeGreaterThan(20);
        assertThat(Partition.byWireName(partition.wireName())).contains(partition);
    }

    @ParameterizedTest
    @EnumSource(Partition.class)
    void never_cuts_a_link_to_a_node_outside_the_set(Partition partition) {
        Set<String> nodes = Set.copyOf(ABCDEF);
        for (long seed = 0; seed < 20; seed++) {
            assertThat(partition.cut(ABCDEF, new Random(seed)))
                    .isNotEmpty()
                    .allSatisfy(link -> assertThat(nodes).contains(link.from(), link.to()));
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void random_halves_split_every_node_into_exactly_one_side(long seed) {
        SortedSet<Link> cut = Grudges.halves(ABCDE, new Random(seed));

        assertThat(cut).hasSize(2 * 2 * 3);
        assertThat(cut).allSatisfy(link -> assertThat(cut).contains(link.reversed()));
        Set<String> smallSide = cut.stream().map(Link::from)
                .filter(node -> cut.stream().filter(link -> link.from().equals(node)).count() == 3)
                .collect(Collectors.toSet());
        assertThat(smallSide).hasSize(2);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void random_one_way_cuts_no_link_both_ways(long seed) {
        SortedSet<Link> cut = Grudges.oneWay(ABCDE, new Random(seed));

        assertThat(cut).hasSize(2 * 3).noneMatch(link -> cut.contains(link.reversed()));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void random_majorities_ring_leaves_every_node_hearing_a_majority(long seed) {
        SortedSet<Link> cut = Grudges.majoritiesRing(ABCDE, new Random(seed));

        for (String node : ABCDE) {
            long deaf = cut.stream().filter(link -> link.to().equals(node)).count();
            assertThat(ABCDE.size() - deaf).isGreaterThanOrEqualTo(3);
        }
    }

    static Stream<Long> seeds() {
        return Stream.of(1L, 2L, 3L, 42L, 1234L);
    }

    @org.junit.jupiter.api.Test
    void refuses_bad_input_with_one_line() {
        assertThatThrownBy(() -> Grudges.halves(List.of("a"))).hasMessage("halves needs at least 2 nodes, got 1");
        assertThatThrownBy(() -> Grudges.bridge(List.of("a", "b"))).hasMessage("bridge needs at least 3 nodes, got 2");
        assertThatThrownBy(() -> Grudges.halves(List.of("a", "a"))).hasMessage("halves: node names must be distinct: [a, a]");
        assertThatThrownBy(() -> Grudges.one(ABC, "z")).hasMessage("one: z is not one of [a, b, c]");
        assertThatThrownBy(() -> new Link("a", "a")).hasMessageContaining("to itself");
    }

    private static Arguments row(String name, Supplier<SortedSet<Link>> grudge, String expected) {
        SortedSet<Link> links = Arrays.stream(expected.split(" "))
                .map(text -> new Link(text.substring(0, text.indexOf("->")), text.substring(text.indexOf("->") + 2)))
                .collect(Collectors.toCollection(TreeSet::new));
        return Arguments.of(name, grudge, links);
    }
}
