package io.cutcheck.sut.node;

/** One deliberate defect variant of a reference system, as {@code defects} lists it. */
public record Defect(String system, String name, String description) {
}
