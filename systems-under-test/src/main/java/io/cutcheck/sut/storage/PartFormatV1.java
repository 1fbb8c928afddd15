package io.cutcheck.sut.storage;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * Part file format version 1: magic {@code CCPT}, int version 1, long payload length, int CRC32C of the
 * payload, then the payload. The checksum in the metadata covers the whole file.
 */
public final class PartFormatV1 {
    static final int MAGIC = 0x43435054;
    static final int VERSION = 1;
    static final int HEADER = 4 + 4 + 8 + 4;

    private PartFormatV1() {
    }

    public static byte[] encode(byte[] payload) {
        ByteBuffer buffer = ByteBuffer.allocate(HEADER + payload.length);
        buffer.putInt(MAGIC).putInt(VERSION).putLong(payload.length).putInt((int) crc(payload, 0, payload.length));
        buffer.put(payload);
        return buffer.array();
    }

    public static byte[] decode(byte[] file, String what) throws CorruptCheckpointException {
        if (file.length < HEADER) {
            throw new CorruptCheckpointException(what + ": torn (" + file.length + " bytes)");
        }
        ByteBuffer buffer = ByteBuffer.wrap(file);
        if (buffer.getInt() != MAGIC) {
            throw new CorruptCheckpointException(what + ": not a part file");
        }
        int version = buffer.getInt();
        if (version != VERSION) {
            throw new CorruptCheckpointException(what + ": unknown part format version " + version);
        }
        long length = buffer.getLong();
        int crc = buffer.getInt();
        if (length != file.length - HEADER) {
            throw new CorruptCheckpointException(what + ": torn (length " + length + ", have " + (file.length - HEADER) + ")");
        }
        if ((int) crc(file, HEADER, (int) length) != crc) {
            throw new CorruptCheckpointException(what + ": payload checksum mismatch");
        }
        byte[] payload = new byte[(int) length];
        System.arraycopy(file, HEADER, payload, 0, payload.length);
        return payload;
    }

    public static long crc(byte[] bytes, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset, length);
        return crc.getValue();
    }
}
