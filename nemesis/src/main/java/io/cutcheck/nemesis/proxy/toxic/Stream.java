package io.cutcheck.nemesis.proxy.toxic;

import java.util.Locale;
import java.util.Optional;

/** The direction of data a toxic acts on, as Toxiproxy names it. */
public enum Stream {
    /** Client to upstream server. */
    UPSTREAM,
    /** Upstream server to client. */
    DOWNSTREAM;

    /** The name on the wire: {@code upstream} or {@code downstream}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The stream named {@code text} (any case), or empty when it names none. */
    public static Optional<Stream> parse(String text) {
        for (Stream stream : values()) {
            if (stream.wireName().equalsIgnoreCase(text)) {
                return Optional.of(stream);
            }
        }
        return Optional.empty();
    }
}
