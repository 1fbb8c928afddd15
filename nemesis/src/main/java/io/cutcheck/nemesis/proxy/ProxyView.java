package io.cutcheck.nemesis.proxy;

import io.cutcheck.nemesis.proxy.toxic.Toxic;
import java.util.List;

/** A snapshot of one proxy as the API shows it; toxics upstream first, each stream in order. */
record ProxyView(String name, String listen, String upstream, boolean enabled, List<Toxic> toxics) {

    ProxyView {
        toxics = List.copyOf(toxics);
    }
}
