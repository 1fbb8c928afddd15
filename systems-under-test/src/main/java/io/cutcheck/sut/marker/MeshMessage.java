package io.cutcheck.sut.marker;

/**
 * What peers send each other on their FIFO channels. Credits and markers are the algorithm's
 * messages; receipts and commit notices travel the same channels so that they need no second
 * transport.
 */
public sealed interface MeshMessage {

    /** The first frame on every connection: who dials, and for which recovery epoch. */
    record Hello(String node, long epoch) implements MeshMessage {
    }

    record CreditMessage(Credit credit) implements MeshMessage {
    }

    record Marker(long snapshot, String initiator) implements MeshMessage {
    }

    /** To the initiator: the sender's part of {@code snapshot} is durable. */
    record Receipt(long snapshot, String node, String file, long bytes, long crc32c, int partition, long position)
            implements MeshMessage {
    }

    /** From the initiator: the manifest of {@code snapshot} is durable. */
    record Committed(long snapshot) implements MeshMessage {
    }
}
