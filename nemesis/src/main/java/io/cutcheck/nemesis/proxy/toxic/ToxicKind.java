package io.cutcheck.nemesis.proxy.toxic;

import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The registry of toxic kinds the server accepts, each with its Toxiproxy type name, its
 * integer attributes and one sentence of documentation. Adding a kind adds a constant here and
 * one handler file.
 */
public enum ToxicKind {
    NOOP("noop", List.of(),
            "Passes data through unchanged.",
            NoopToxic::new),
    LATENCY("latency", List.of("latency", "jitter"),
            "Delays each chunk of data by latency milliseconds, plus or minus up to jitter milliseconds.",
            LatencyToxic::new),
    BANDWIDTH("bandwidth", List.of("rate"),
            "Passes data at no more than rate KB/s; rate 0 holds all data until the toxic goes away.",
            BandwidthToxic::new),
    SLOW_CLOSE("slow_close", List.of("delay"),
            "Delays the close of the connection by delay milliseconds after the source closes.",
            SlowCloseToxic::new),
    TIMEOUT("timeout", List.of("timeout"),
            "Drops all data and closes the connection after timeout milliseconds; 0 never closes.",
            TimeoutToxic::new),
    RESET_PEER("reset_peer", List.of("timeout"),
            "Resets both ends with a TCP RST timeout milliseconds after the first data arrives.",
            ResetPeerToxic::new),
    SLICER("slicer", List.of("average_size", "size_variation", "delay"),
            "Slices data into pieces of average_size plus or minus size_variation bytes, delay microseconds apart.",
            SlicerToxic::new),
    LIMIT_DATA("limit_data", List.of("bytes"),
            "Closes the connection once bytes bytes have passed through it.",
            LimitDataToxic::new);

    private final String wireName;
    private final List<String> attributes;
    private final String description;
    private final BiFunction<Toxic, LinkControl, ToxicHandler> handlerFactory;

    ToxicKind(String wireName, List<String> attributes, String description,
              BiFunction<Toxic, LinkControl, ToxicHandler> handlerFactory) {
        this.wireName = wireName;
        this.attributes = attributes;
        this.description = description;
        this.handlerFactory = handlerFactory;
    }

    /** The type name in the API, e.g. {@code slow_close}. */
    public String wireName() {
        return wireName;
    }

    /** The names of the kind's integer attributes, in the order the API shows them. */
    public List<String> attributes() {
        return attributes;
    }

    /** One sentence saying what the toxic does. */
    public String description() {
        return description;
    }

    /** A new handler applying {@code toxic} to one link. */
    public ToxicHandler newHandler(Toxic toxic, LinkControl link) {
        return handlerFactory.apply(toxic, link);
    }

    /** The kind with this type name, or empty. */
    public static Optional<ToxicKind> byWireName(String wireName) {
        for (ToxicKind kind : values()) {
            if (kind.wireName.equals(wireName)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
