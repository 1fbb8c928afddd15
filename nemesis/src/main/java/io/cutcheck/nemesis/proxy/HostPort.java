package io.cutcheck.nemesis.proxy;

import java.net.InetSocketAddress;

/**
 * A {@code host:port} address as Toxiproxy's {@code listen} and {@code upstream} fields hold it
 * ({@code [::1]:80} for IPv6; an empty host means every interface).
 */
record HostPort(String host, int port) {

    /** Parses {@code text}, failing as Go's listener does ("missing port in address"). */
    static HostPort parse(String text) throws ApiError {
        int colon = text.lastIndexOf(':');
        if (colon < 0) {
            throw ApiError.internal("listen tcp: address " + text + ": missing port in address");
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        String portText = text.substring(colon + 1);
        int port;
        try {
            port = portText.isEmpty() ? 0 : Integer.parseInt(portText);
        } catch (NumberFormatException e) {
            throw ApiError.internal("listen tcp: lookup port " + portText + ": invalid port");
        }
        if (port < 0 || port > 65535) {
            throw ApiError.internal("listen tcp: address " + port + ": invalid port");
        }
        return new HostPort(host.isEmpty() ? "0.0.0.0" : host, port);
    }

    /** The address a socket is bound to, as Go prints it: {@code 127.0.0.1:40123}. */
    static String format(InetSocketAddress address) {
        String host = address.getAddress().getHostAddress();
        if (host.contains(":")) {
            int zone = host.indexOf('%');
            host = "[" + (zone < 0 ? host : host.substring(0, zone)) + "]";
        }
        return host + ":" + address.getPort();
    }
}
