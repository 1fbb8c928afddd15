package io.cutcheck.nemesis.disk;

/**
 * How a simulated power loss treats what was not yet durable.
 *
 * @param torn false: every unsynced write and every directory change not made durable by a
 *     directory fsync is lost. true: a random subset, drawn from {@code seed}, survives: each dirty
 *     4 KiB page with probability 1/2, and an oldest-first prefix of the pending directory changes
 * @param seed the seed of that draw (ignored unless torn)
 */
public record Crash(boolean torn, long seed) {
  /** Loses everything unsynced. */
  public static Crash clean() {
    return new Crash(false, 0);
  }

  /** Keeps a random, seeded part of what was unsynced. */
  public static Crash torn(long seed) {
    return new Crash(true, seed);
  }
}
