package io.cutcheck.sut.marker;

/**
 * The outgoing FIFO channels of one recovery epoch, one per other peer. Used from the event loop
 * only. A send on a broken channel is dropped (the break already asked for a recovery).
 */
interface MeshLinks extends AutoCloseable {

    void send(String peer, MeshMessage message);

    void sendAll(MeshMessage message);

    /** Pushes buffered frames out; called once per loop task, so frames batch up. */
    void flush();

    @Override
    void close();

    /** No channels: before the first connect and after a halt. */
    MeshLinks NONE = new MeshLinks() {
        @Override
        public void send(String peer, MeshMessage message) {
        }

        @Override
        public void sendAll(MeshMessage message) {
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
}
