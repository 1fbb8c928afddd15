package io.cutcheck.harness.sut;

import java.util.Optional;
import java.util.function.Function;

/**
 * The answer of one call to a node or service: a value, or why there is none. Nodes are
 * crashed and paused on purpose, so failing calls are ordinary values, not exceptions.
 */
public sealed interface Reply<T> {

    /** Why a call gave no value. */
    enum Failure {
        /** Nothing listened, or the connection broke (the node is down or restarting). */
        UNREACHABLE,
        /** No answer in time (the node is paused or overloaded). */
        TIMEOUT,
        /** The node answered 4xx: it refuses (e.g. 404 no such part, 409 cannot trigger now). */
        REFUSED,
        /** The node answered 5xx or a body that does not follow the protocol. */
        ERROR
    }

    record Ok<T>(T value) implements Reply<T> {}

    record Failed<T>(Failure failure, int status, String message) implements Reply<T> {}

    static <T> Reply<T> ok(T value) {
        return new Ok<>(value);
    }

    static <T> Reply<T> failed(Failure failure, int status, String message) {
        return new Failed<>(failure, status, message);
    }

    default boolean isOk() {
        return this instanceof Ok;
    }

    default Optional<T> result() {
        return this instanceof Ok<T> ok ? Optional.ofNullable(ok.value()) : Optional.empty();
    }

    default <U> Reply<U> map(Function<T, U> f) {
        if (this instanceof Ok<T> ok) {
            return new Ok<>(f.apply(ok.value()));
        }
        Failed<T> failed = (Failed<T>) this;
        return new Failed<>(failed.failure(), failed.status(), failed.message());
    }

    /** One line saying what went wrong, or "ok". */
    default String describe() {
        return this instanceof Failed<T> f ? f.failure().name().toLowerCase() + (f.status() > 0 ? " " + f.status() : "")
                + ": " + f.message() : "ok";
    }
}
