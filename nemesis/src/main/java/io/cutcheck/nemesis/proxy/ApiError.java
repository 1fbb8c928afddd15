package io.cutcheck.nemesis.proxy;

/**
 * An API failure with Toxiproxy's status code and message; the body is
 * {@code {"error":"<message>","status":<status>}}.
 */
final class ApiError extends Exception {

    private final int status;

    ApiError(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }

    static ApiError badRequestBody(String detail) {
        return new ApiError(400, "bad request body: " + detail);
    }

    static ApiError missingField(String field) {
        return new ApiError(400, "missing required field: " + field);
    }

    static ApiError proxyNotFound() {
        return new ApiError(404, "proxy not found");
    }

    static ApiError proxyAlreadyExists() {
        return new ApiError(409, "proxy already exists");
    }

    static ApiError invalidStream() {
        return new ApiError(400, "stream was invalid, can be either upstream or downstream");
    }

    static ApiError invalidToxicType() {
        return new ApiError(400, "invalid toxic type");
    }

    static ApiError toxicAlreadyExists() {
        return new ApiError(409, "toxic already exists");
    }

    static ApiError toxicNotFound() {
        return new ApiError(404, "toxic not found");
    }

    /** Anything without a status of its own, e.g. a listen address that cannot be bound. */
    static ApiError internal(String message) {
        return new ApiError(500, message);
    }
}
