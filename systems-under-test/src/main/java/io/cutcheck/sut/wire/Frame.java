package io.cutcheck.sut.wire;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** An encoded frame body. Build one with {@link #builder(int)}: first byte the message type, then fields. */
public record Frame(byte[] bytes, int length) {

    public static Builder builder(int type) {
        return new Builder(type);
    }

    /** Writes a frame's fields with {@link DataOutputStream} encodings (big-endian, modified UTF-8 strings). */
    public static final class Builder {
        private final Buffer buffer = new Buffer();
        private final DataOutputStream out = new DataOutputStream(buffer);

        private Builder(int type) {
            buffer.write(type);
        }

        public DataOutputStream out() {
            return out;
        }

        public Builder writeLong(long v) {
            return io(() -> out.writeLong(v));
        }

        public Builder writeInt(int v) {
            return io(() -> out.writeInt(v));
        }

        public Builder writeUTF(String v) {
            return io(() -> out.writeUTF(v));
        }

        public Builder writeBoolean(boolean v) {
            return io(() -> out.writeBoolean(v));
        }

        public Frame build() {
            return new Frame(buffer.array(), buffer.size());
        }

        private Builder io(IoCall call) {
            try {
                call.run();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }
    }

    private interface IoCall {
        void run() throws IOException;
    }

    private static final class Buffer extends ByteArrayOutputStream {
        Buffer() {
            super(256);
        }

        byte[] array() {
            return buf;
        }
    }
}
