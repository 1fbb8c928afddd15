package io.cutcheck.nemesis.disk;

import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One fault rule: every {@code op} on a path matching {@code pathRegex} (found anywhere in the
 * path as the mount shows it, e.g. {@code /chk-5/_metadata}) first sleeps {@code delayMs}, then
 * fails with {@code error} with the given probability. A rule with no error only delays; a
 * rule with no delay only fails.
 *
 * @param op the operation hit
 * @param pathRegex a Java regular expression; {@code ""} matches every path
 * @param delayMs latency added before the operation runs, 0 for none
 * @param error the errno returned when the rule fires, or null for a delay-only rule
 * @param probability chance in [0, 1] that the error fires on one matching operation
 * @param losesUnsynced for FSYNC errors: when the error fires on a file, its unsynced writes are
 *     dropped at once, as if writeback had failed and the kernel had discarded the pages; a retried
 *     fsync then succeeds with nothing left to write
 */
public record DiskFault(DiskOp op, String pathRegex, long delayMs, Errno error, double probability,
                        boolean losesUnsynced) {

  public DiskFault {
    Objects.requireNonNull(op, "op");
    pathRegex = pathRegex == null ? "" : pathRegex;
    try {
      Pattern.compile(pathRegex);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException("bad pathRegex " + pathRegex + ": " + e.getDescription());
    }
    if (delayMs < 0) {
      throw new IllegalArgumentException("delayMs must be >= 0, was " + delayMs);
    }
    if (!(probability >= 0 && probability <= 1)) {
      throw new IllegalArgumentException("probability must be in [0, 1], was " + probability);
    }
    if (error == null && delayMs == 0) {
      throw new IllegalArgumentException("a fault needs a delay or an error");
    }
    if (losesUnsynced && (op != DiskOp.FSYNC || error == null)) {
      throw new IllegalArgumentException("losesUnsynced needs an FSYNC fault with an error");
    }
  }

  /** Every {@code op} takes {@code delayMs} longer. */
  public static DiskFault delay(DiskOp op, long delayMs) {
    return new DiskFault(op, "", delayMs, null, 0, false);
  }

  /** Every {@code op} fails with {@code error} with the given probability. */
  public static DiskFault error(DiskOp op, Errno error, double probability) {
    return new DiskFault(op, "", 0, error, probability, false);
  }

  /** The same rule, limited to paths matching {@code regex}. */
  public DiskFault onPaths(String regex) {
    return new DiskFault(op, regex, delayMs, error, probability, losesUnsynced);
  }

  /** The same FSYNC error rule, also dropping the file's unsynced writes when it fires. */
  public DiskFault losingUnsynced() {
    return new DiskFault(op, pathRegex, delayMs, error, probability, true);
  }
}
