package io.cutcheck.nemesis.proxy.toxic;

/**
 * The event that travels down a link's pipeline after its last byte: the source closed, or a
 * toxic ended the stream. It is ordered with the data, so a toxic that holds data back holds
 * the end back too; the relay at the end of the pipeline closes the destination on it.
 */
public enum StreamEnd {
    INSTANCE
}
