package io.cutcheck.sut.marker;

/** Where the marker algorithm's effects go; the peer runtime sends them, tests collect them. */
public interface Outbox {

    /** Send a credit on the FIFO channel to peer {@code destination}. */
    void credit(String destination, Credit credit);

    /** Send a marker of snapshot {@code snapshot} on every outgoing channel. */
    void markers(long snapshot, String initiator);

    /** This peer's part of {@code part.snapshot()} is complete and must be written durably. */
    void partComplete(Part part);
}
