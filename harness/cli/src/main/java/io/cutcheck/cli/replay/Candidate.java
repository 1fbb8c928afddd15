package io.cutcheck.cli.replay;

import io.cutcheck.harness.schedule.ScenarioStep;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** A schedule the shrinker tries: some of the failing run's faults, perhaps weakened, and a run length. */
public record Candidate(List<ScenarioStep> steps, long timeLimitMillis) {
    public Candidate {
        steps = List.copyOf(steps);
    }

    public int size() {
        return steps.size();
    }

    public Candidate withSteps(List<ScenarioStep> newSteps) {
        return new Candidate(newSteps, timeLimitMillis);
    }

    public Candidate withTimeLimitMillis(long millis) {
        return new Candidate(steps, millis);
    }

    /** {@code 2 faults [3 kill@operator-1 1.5s, 5 pause@sink-0 1.5s] in 20 s}, for the progress lines. */
    public String describe() {
        return String.format(Locale.ROOT, "%d fault%s [%s] in %s s", steps.size(), steps.size() == 1 ? "" : "s",
                steps.stream().map(s -> String.format(Locale.ROOT, "%d %s@%s %.1fs", s.id(), s.kind(),
                        String.join("+", s.targets()), s.durationMillis() / 1000.0)).collect(Collectors.joining(", ")),
                seconds(timeLimitMillis));
    }

    private static String seconds(long millis) {
        return millis % 1000 == 0 ? Long.toString(millis / 1000) : String.format(Locale.ROOT, "%.1f", millis / 1000.0);
    }
}
