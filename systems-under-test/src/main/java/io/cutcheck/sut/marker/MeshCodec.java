package io.cutcheck.sut.marker;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Encodes {@link MeshMessage}s as frame payloads: one type byte, then the fields in order. */
public final class MeshCodec {
    private static final byte HELLO = 1;
    private static final byte CREDIT = 2;
    private static final byte MARKER = 3;
    private static final byte RECEIPT = 4;
    private static final byte COMMITTED = 5;

    private MeshCodec() {
    }

    public static byte[] encode(MeshMessage message) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(48);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            if (message instanceof MeshMessage.Hello m) {
                out.writeByte(HELLO);
                out.writeUTF(m.node());
                out.writeLong(m.epoch());
            } else if (message instanceof MeshMessage.CreditMessage m) {
                out.writeByte(CREDIT);
                out.writeUTF(m.credit().id());
                out.writeUTF(m.credit().to());
                out.writeLong(m.credit().amount());
            } else if (message instanceof MeshMessage.Marker m) {
                out.writeByte(MARKER);
                out.writeLong(m.snapshot());
                out.writeUTF(m.initiator());
            } else if (message instanceof MeshMessage.Receipt m) {
                out.writeByte(RECEIPT);
                out.writeLong(m.snapshot());
                out.writeUTF(m.node());
                out.writeUTF(m.file());
                out.writeLong(m.bytes());
                out.writeLong(m.crc32c());
                out.writeInt(m.partition());
                out.writeLong(m.position());
            } else if (message instanceof MeshMessage.Committed m) {
                out.writeByte(COMMITTED);
                out.writeLong(m.snapshot());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Decodes one payload; a payload that is not a message fails with an {@link IOException}. */
    public static MeshMessage decode(byte[] payload) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload));
        byte type = in.readByte();
        return switch (type) {
            case HELLO -> new MeshMessage.Hello(in.readUTF(), in.readLong());
            case CREDIT -> new MeshMessage.CreditMessage(new Credit(in.readUTF(), in.readUTF(), in.readLong()));
            case MARKER -> new MeshMessage.Marker(in.readLong(), in.readUTF());
            case RECEIPT -> new MeshMessage.Receipt(in.readLong(), in.readUTF(), in.readUTF(), in.readLong(),
                    in.readLong(), in.readInt(), in.readLong());
            case COMMITTED -> new MeshMessage.Committed(in.readLong());
            default -> throw new IOException("unknown mesh message type " + type);
        };
    }
}
