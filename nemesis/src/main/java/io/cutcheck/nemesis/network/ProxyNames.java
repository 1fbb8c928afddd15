package io.cutcheck.nemesis.network;

/**
 * How the proxies of one run are named on the Toxiproxy server: a prefix unique to the run (so
 * several runs may share one external server and each removes only its own proxies), then
 * dialer, target and port. Dots only, so names need no escaping in the API's paths.
 */
public record ProxyNames(String prefix) {

    public ProxyNames {
        if (!prefix.matches("[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException("a proxy name prefix is letters, digits, '.', '_' or '-': " + prefix);
        }
    }

    /** A prefix unique to this process and moment, e.g. {@code cutcheck.4711.1a2b3c}. */
    public static ProxyNames forThisRun() {
        return new ProxyNames("cutcheck." + ProcessHandle.current().pid() + "."
                + Long.toHexString(System.currentTimeMillis() & 0xffffffL));
    }

    public String name(String dialer, String target, PortKind port) {
        return prefix + "." + dialer + "." + target + "." + port.wireName();
    }

    public boolean owns(String proxyName) {
        return proxyName.startsWith(prefix + ".");
    }
}
