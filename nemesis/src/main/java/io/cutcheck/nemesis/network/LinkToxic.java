package io.cutcheck.nemesis.network;

import java.util.Map;
import java.util.Objects;

/**
 * A Toxiproxy toxic as the network nemesis puts it on a proxy stream: its type as the API spells
 * it and its attributes (all integers, in the API's units), toxicity always 1.
 */
public record LinkToxic(String type, Map<String, Long> attributes) {

    public LinkToxic {
        Objects.requireNonNull(type, "type");
        attributes = Map.copyOf(attributes);
    }

    /** Holds every byte (and the close) until removed, then lets it all through: silence, not loss. */
    public static LinkToxic cut() {
        return new LinkToxic("bandwidth", Map.of("rate", 0L));
    }

    public static LinkToxic latency(long millis, long jitterMillis) {
        return new LinkToxic("latency", Map.of("latency", millis, "jitter", jitterMillis));
    }

    public static LinkToxic bandwidth(long kilobytesPerSecond) {
        return new LinkToxic("bandwidth", Map.of("rate", kilobytesPerSecond));
    }

    public static LinkToxic resetPeer(long afterMillis) {
        return new LinkToxic("reset_peer", Map.of("timeout", afterMillis));
    }

    public static LinkToxic timeout(long millis) {
        return new LinkToxic("timeout", Map.of("timeout", millis));
    }

    public static LinkToxic slicer(long averageBytes, long variationBytes, long delayMicros) {
        return new LinkToxic("slicer", Map.of("average_size", averageBytes, "size_variation", variationBytes,
                "delay", delayMicros));
    }

    public long attribute(String name) {
        Long value = attributes.get(name);
        if (value == null) {
            throw new IllegalArgumentException(type + " has no attribute " + name);
        }
        return value;
    }
}
