package io.cutcheck.sut.barrier;

import io.cutcheck.sut.barrier.ControlMessage.Abort;
import io.cutcheck.sut.barrier.ControlMessage.Ack;
import io.cutcheck.sut.barrier.ControlMessage.ChannelFailed;
import io.cutcheck.sut.barrier.ControlMessage.Complete;
import io.cutcheck.sut.barrier.ControlMessage.Heartbeat;
import io.cutcheck.sut.barrier.ControlMessage.Hello;
import io.cutcheck.sut.barrier.ControlMessage.Restore;
import io.cutcheck.sut.barrier.ControlMessage.RestoreFailed;
import io.cutcheck.sut.barrier.ControlMessage.Restored;
import io.cutcheck.sut.barrier.ControlMessage.Run;
import io.cutcheck.sut.barrier.ControlMessage.Trigger;
import io.cutcheck.sut.storage.PartInfo;
import io.cutcheck.sut.wire.Frame;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Binary encoding of {@link ControlMessage}: a type byte, then the fields in order (see PROTOCOL.md section 7). */
final class ControlCodec {
    private ControlCodec() {
    }

    static Frame encode(ControlMessage message) {
        if (message instanceof Hello m) {
            return Frame.builder(1).writeUTF(m.node()).writeLong(m.incarnation()).build();
        } else if (message instanceof Heartbeat m) {
            return Frame.builder(2).writeLong(m.recordsRead()).build();
        } else if (message instanceof Ack m) {
            Frame.Builder b = Frame.builder(3).writeLong(m.epoch()).writeLong(m.id());
            writePart(b, m.part());
            b.writeInt(m.positions().size());
            new TreeMap<>(m.positions()).forEach((p, o) -> b.writeInt(p).writeLong(o));
            return b.build();
        } else if (message instanceof Restored m) {
            return Frame.builder(4).writeLong(m.epoch()).writeLong(m.checkpoint()).build();
        } else if (message instanceof RestoreFailed m) {
            return Frame.builder(5).writeLong(m.epoch()).writeLong(m.checkpoint()).writeUTF(m.cause()).build();
        } else if (message instanceof ChannelFailed m) {
            return Frame.builder(6).writeLong(m.epoch()).writeUTF(m.cause()).build();
        } else if (message instanceof Restore m) {
            Frame.Builder b = Frame.builder(7).writeLong(m.epoch()).writeLong(m.checkpoint())
                    .writeBoolean(m.part().isPresent());
            m.part().ifPresent(p -> writePart(b, p));
            return b.build();
        } else if (message instanceof Run m) {
            return Frame.builder(8).writeLong(m.epoch()).build();
        } else if (message instanceof Trigger m) {
            return Frame.builder(9).writeLong(m.epoch()).writeLong(m.id()).writeUTF(m.reason()).build();
        } else if (message instanceof Complete m) {
            Frame.Builder b = Frame.builder(10).writeLong(m.id()).writeInt(m.retained().size());
            m.retained().forEach(b::writeLong);
            return b.build();
        } else if (message instanceof Abort m) {
            return Frame.builder(11).writeLong(m.id()).writeUTF(m.cause()).build();
        }
        throw new IllegalArgumentException("unknown message " + message);
    }

    static ControlMessage decode(byte[] frame) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(frame));
        int type = in.readUnsignedByte();
        return switch (type) {
            case 1 -> new Hello(in.readUTF(), in.readLong());
            case 2 -> new Heartbeat(in.readLong());
            case 3 -> {
                long epoch = in.readLong();
                long id = in.readLong();
                PartInfo part = readPart(in);
                int n = in.readInt();
                Map<Integer, Long> positions = new TreeMap<>();
                for (int i = 0; i < n; i++) {
                    positions.put(in.readInt(), in.readLong());
                }
                yield new Ack(epoch, id, part, positions);
            }
            case 4 -> new Restored(in.readLong(), in.readLong());
            case 5 -> new RestoreFailed(in.readLong(), in.readLong(), in.readUTF());
            case 6 -> new ChannelFailed(in.readLong(), in.readUTF());
            case 7 -> {
                long epoch = in.readLong();
                long checkpoint = in.readLong();
                yield new Restore(epoch, checkpoint, in.readBoolean() ? Optional.of(readPart(in)) : Optional.empty());
            }
            case 8 -> new Run(in.readLong());
            case 9 -> new Trigger(in.readLong(), in.readLong(), in.readUTF());
            case 10 -> {
                long id = in.readLong();
                int n = in.readInt();
                List<Long> retained = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    retained.add(in.readLong());
                }
                yield new Complete(id, retained);
            }
            case 11 -> new Abort(in.readLong(), in.readUTF());
            default -> throw new IOException("unknown control message type " + type);
        };
    }

    private static void writePart(Frame.Builder b, PartInfo p) {
        b.writeUTF(p.node()).writeUTF(p.file()).writeLong(p.sizeBytes()).writeLong(p.crc32c());
    }

    private static PartInfo readPart(DataInputStream in) throws IOException {
        return new PartInfo(in.readUTF(), in.readUTF(), in.readLong(), in.readLong());
    }
}
