package io.cutcheck.nemesis.disk;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * The fault rules in force, replaced as a whole at run time. Delays sleep in the calling FUSE
 * worker thread, before the operation takes the file system's lock, so a slow fsync on one file
 * does not hold up others. Which matching operations fail is drawn from one seeded random
 * sequence, so a single-threaded workload sees the same failures for the same seed.
 */
final class ActiveFaults {
  private record Rule(DiskFault fault, Pattern pattern) {}

  private volatile List<Rule> rules = List.of();
  private Random random = new Random(0);

  /** Replaces the rules in force and restarts the random sequence from {@code seed}. */
  synchronized void set(List<DiskFault> faults, long seed) {
    rules = faults.stream().map(f -> new Rule(f, Pattern.compile(f.pathRegex()))).toList();
    random = new Random(seed);
  }

  List<DiskFault> current() {
    return rules.stream().map(Rule::fault).toList();
  }

  /**
   * Applies the rules to one operation: sleeps the sum of the matching delays, then returns the
   * first matching error rule that fires, if any.
   */
  Optional<DiskFault> apply(DiskOp op, String path) throws InterruptedException {
    List<Rule> matching = rules.stream()
        .filter(r -> r.fault().op() == op && r.pattern().matcher(path).find())
        .toList();
    if (matching.isEmpty()) {
      return Optional.empty();
    }
    long delayMs = matching.stream().mapToLong(r -> r.fault().delayMs()).sum();
    if (delayMs > 0) {
      Thread.sleep(delayMs);
    }
    for (Rule rule : matching) {
      if (rule.fault().error() != null && draw(rule.fault().probability())) {
        return Optional.of(rule.fault());
      }
    }
    return Optional.empty();
  }

  private synchronized boolean draw(double probability) {
    return probability >= 1 || random.nextDouble() < probability;
  }
}
