package io.cutcheck.sut.node;

/** A node configuration or command line that cannot be used; its message is one line for the user. */
public final class BadConfigException extends RuntimeException {
    public BadConfigException(String message) {
        super(message);
    }
}
