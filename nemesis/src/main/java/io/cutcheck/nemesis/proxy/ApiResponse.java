package io.cutcheck.nemesis.proxy;

/** What the API answers: a status, a content type (null when there is no body) and a body. */
record ApiResponse(int status, String contentType, String body) {

    static final String JSON = "application/json";

    static ApiResponse json(int status, String body) {
        return new ApiResponse(status, JSON, body);
    }

    static ApiResponse noContent() {
        return new ApiResponse(204, null, "");
    }

    /** Go's {@code http.Error}: plain text, a trailing newline. */
    static ApiResponse error(int status, String message) {
        return new ApiResponse(status, "text/plain; charset=utf-8", message + "\n");
    }

    /** Toxiproxy's error body, sent through {@code http.Error} as Toxiproxy does. */
    static ApiResponse of(ApiError error) {
        return error(error.status(), "{\"error\":" + quote(error.getMessage()) + ",\"status\":" + error.status() + "}");
    }

    private static String quote(String text) {
        return ApiJson.write(ApiJson.MAPPER.getNodeFactory().textNode(text));
    }
}
