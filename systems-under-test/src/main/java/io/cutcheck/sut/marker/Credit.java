package io.cutcheck.sut.marker;

/** The credit half of an accepted transfer, carried to the peer that owns {@code to}. */
public record Credit(String id, String to, long amount) {
}
