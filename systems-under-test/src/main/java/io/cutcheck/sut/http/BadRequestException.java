package io.cutcheck.sut.http;

/** Thrown by a handler for a request it cannot serve; becomes a 400 (or the given status) with a one-line error. */
public final class BadRequestException extends RuntimeException {
    private final int status;

    public BadRequestException(String message) {
        this(400, message);
    }

    public BadRequestException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
