package io.cutcheck.harness.schedule;

/** Something to do at a logical time: {@code atMillis} after the run phase began. */
public record Planned<T>(long atMillis, T what) {
    public Planned {
        if (atMillis < 0) {
            throw new IllegalArgumentException("atMillis must be >= 0: " + atMillis);
        }
    }
}
