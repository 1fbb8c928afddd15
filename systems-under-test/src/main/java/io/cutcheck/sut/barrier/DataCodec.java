package io.cutcheck.sut.barrier;

import io.cutcheck.sut.wire.Frame;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Binary encoding of {@link DataMessage}: type 1 hello (UTF sender, long epoch), type 2 records
 * (int n, then n × int partition, long offset, UTF key, long value, long count, long sum), type 3 barrier (long id).
 */
final class DataCodec {
    private DataCodec() {
    }

    static Frame hello(String sender, long epoch) {
        return Frame.builder(1).writeUTF(sender).writeLong(epoch).build();
    }

    static Frame barrier(long id) {
        return Frame.builder(3).writeLong(id).build();
    }

    static Frame records(List<StreamRecord> records) {
        Frame.Builder b = Frame.builder(2).writeInt(records.size());
        DataOutputStream out = b.out();
        try {
            for (StreamRecord r : records) {
                out.writeInt(r.partition());
                out.writeLong(r.offset());
                out.writeUTF(r.key());
                out.writeLong(r.value());
                out.writeLong(r.count());
                out.writeLong(r.sum());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b.build();
    }

    static DataMessage decode(byte[] frame) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(frame));
        int type = in.readUnsignedByte();
        return switch (type) {
            case 1 -> new DataMessage.Hello(in.readUTF(), in.readLong());
            case 2 -> {
                int n = in.readInt();
                List<StreamRecord> records = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    records.add(new StreamRecord(in.readInt(), in.readLong(), in.readUTF(), in.readLong(),
                            in.readLong(), in.readLong()));
                }
                yield new DataMessage.Records(records);
            }
            case 3 -> new DataMessage.Barrier(in.readLong());
            default -> throw new IOException("unknown data message type " + type);
        };
    }
}
