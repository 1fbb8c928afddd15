package io.cutcheck.harness.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TargetChooserTest {

    @ParameterizedTest(name = "{0} of {1} nodes hits {2} to {3}")
    @CsvSource({
            "ONE,         6, 1, 1",
            "COORDINATOR, 6, 1, 1",
            "NON_COORDINATOR, 6, 1, 1",
            "MINORITY,    6, 2, 2",
            "MINORITY,    3, 1, 1",
            "MINORITY,    1, 1, 1",
            "MINORITY,    7, 3, 3",
            "ALL,         6, 6, 6",
    })
    void sizes(FaultTarget target, int nodes, int min, int max) {
        List<String> names = java.util.stream.IntStream.range(0, nodes).mapToObj(i -> "n" + i).toList();
        TargetChooser chooser = new TargetChooser(names, Set.of("n0"));
        for (int seed = 0; seed < 50; seed++) {
            List<String> chosen = chooser.choose(target, new Random(seed));
            assertThat(chosen).hasSizeBetween(min, max).doesNotHaveDuplicates();
            assertThat(names).containsAll(chosen);
        }
    }

    @ParameterizedTest
    @CsvSource({"coordinator", "peer-0"})
    void coordinatorTargetsTheCommittingNode(String committer) {
        TargetChooser chooser = new TargetChooser(List.of("peer-1", committer, "peer-2"), Set.of(committer));
        for (int seed = 0; seed < 20; seed++) {
            assertThat(chooser.choose(FaultTarget.COORDINATOR, new Random(seed))).containsExactly(committer);
        }
    }

    @ParameterizedTest
    @CsvSource({"coordinator", "peer-0"})
    void nonCoordinatorNeverTargetsTheCommittingNodeAndReachesEveryOther(String committer) {
        TargetChooser chooser = new TargetChooser(List.of("peer-1", committer, "peer-2"), Set.of(committer));
        java.util.Set<String> hit = new java.util.HashSet<>();
        Random random = new Random(7);
        for (int draw = 0; draw < 50; draw++) {
            List<String> chosen = chooser.choose(FaultTarget.NON_COORDINATOR, random);
            assertThat(chosen).hasSize(1).doesNotContain(committer);
            hit.addAll(chosen);
        }
        assertThat(hit).containsExactlyInAnyOrder("peer-1", "peer-2");
    }

    @ParameterizedTest
    @CsvSource({"one", "ONE", " minority", "non-coordinator"})
    void parsesCliNames(String text) {
        assertThat(FaultTarget.parse(text).cliName()).isEqualTo(text.trim().toLowerCase());
    }
}
