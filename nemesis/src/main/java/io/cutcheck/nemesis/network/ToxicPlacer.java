package io.cutcheck.nemesis.network;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.model.Toxic;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import eu.rekawek.toxiproxy.model.ToxicList;
import java.io.IOException;
import java.util.Locale;

/** Puts a {@link LinkToxic} on a proxy stream through the official client's typed calls. */
final class ToxicPlacer {

    private ToxicPlacer() {
    }

    static Toxic place(Proxy proxy, Placement placement) throws IOException {
        ToxicList toxics = proxy.toxics();
        ToxicDirection stream = ToxicDirection.valueOf(placement.stream().toUpperCase(Locale.ROOT));
        String name = placement.toxicName();
        LinkToxic toxic = placement.toxic();
        return switch (toxic.type()) {
            case "latency" -> toxics.latency(name, stream, toxic.attribute("latency")).setJitter(toxic.attribute("jitter"));
            case "bandwidth" -> toxics.bandwidth(name, stream, toxic.attribute("rate"));
            case "reset_peer" -> toxics.resetPeer(name, stream, toxic.attribute("timeout"));
            case "timeout" -> toxics.timeout(name, stream, toxic.attribute("timeout"));
            case "slicer" -> toxics.slicer(name, stream, toxic.attribute("average_size"), toxic.attribute("delay"))
                    .setSizeVariation(toxic.attribute("size_variation"));
            default -> throw new IllegalArgumentException("the network nemesis does not place " + toxic.type() + " toxics");
        };
    }
}
