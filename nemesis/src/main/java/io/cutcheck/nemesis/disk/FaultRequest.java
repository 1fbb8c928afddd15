package io.cutcheck.nemesis.disk;

import java.util.List;

/**
 * The body of {@code PUT /faults}: the rules to put in force (replacing all others) and the
 * seed of the draw that decides which matching operations fail.
 */
public record FaultRequest(List<DiskFault> faults, long seed) {
  public FaultRequest {
    faults = faults == null ? List.of() : List.copyOf(faults);
  }
}
