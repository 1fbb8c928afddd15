package io.cutcheck.nemesis.network;

import eu.rekawek.toxiproxy.ToxiproxyClient;

/**
 * An open Toxiproxy server for one run.
 *
 * @param client the official client, bound to the server's API
 * @param listenHost the interface every proxy listens on
 * @param dialHost the host nodes dial to reach a proxy
 * @param description one line for logs and the fixture's record
 * @param stop stops the server if this run started it; nothing for an external one
 */
public record ToxiproxyConnection(ToxiproxyClient client, String listenHost, String dialHost, String description,
                                  Runnable stop) implements AutoCloseable {

    @Override
    public void close() {
        stop.run();
    }
}
