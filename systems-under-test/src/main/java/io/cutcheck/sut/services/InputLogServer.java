package io.cutcheck.sut.services;

import io.cutcheck.sut.http.BadRequestException;
import io.cutcheck.sut.http.HttpApi;
import io.cutcheck.sut.http.HttpReply;
import java.util.List;
import java.util.stream.IntStream;

/** The input log's HTTP API (PROTOCOL.md section 5). */
public final class InputLogServer implements AutoCloseable {
    static final int MAX_READ = 100_000;
    static final long MAX_WAIT_MS = 30_000;
    /** The answer of an append. */
    /** The answer of {@code GET /partitions}. */
    record Partitions(int partitions, long[] ends) {
    }

    record Appended(int partition, long first, int count) {
    }

    private final InputLog log;
    private final HttpApi api;

    public InputLogServer(String host, int port, InputLog log) {
        this.log = log;
        this.api = new HttpApi(host, port);
        api.route("GET", "/partitions", r -> HttpReply.ok(new Partitions(log.partitions(),
                IntStream.range(0, log.partitions()).mapToLong(log::end).toArray())));
        api.route("POST", "/partitions/{p}/records", r -> {
            int p = partition(r.pathLong("p"));
            List<byte[]> records = RawJson.objects(r.body(), "offset");
            long first = log.append(p, records);
            return HttpReply.ok(new Appended(p, first, records.size()));
        });
        api.route("GET", "/partitions/{p}/records", r -> {
            int p = partition(r.pathLong("p"));
            long from = r.queryLong("from", 0);
            long max = r.queryLong("max", 1000);
            long waitMs = Math.min(r.queryLong("waitMs", 0), MAX_WAIT_MS);
            if (from < 0 || max < 1 || waitMs < 0) {
                throw new BadRequestException("from >= 0, max >= 1 and waitMs >= 0 are required");
            }
            InputLog.Slice slice = log.read(p, from, (int) Math.min(max, MAX_READ), waitMs);
            return new HttpReply(200, out -> {
                RawJson.writeAscii(out, "{\"partition\":" + p + ",\"from\":" + from + ",\"records\":[");
                long offset = from;
                for (byte[] record : slice.records()) {
                    if (offset > from) {
                        out.write(',');
                    }
                    RawJson.writeWithLeadingField(out, "offset", offset++, record);
                }
                RawJson.writeAscii(out, "],\"end\":" + slice.end() + "}");
            });
        });
    }

    public InputLogServer start() {
        api.start();
        return this;
    }

    public int port() {
        return api.port();
    }

    private int partition(long p) {
        if (p < 0 || p >= log.partitions()) {
            throw new BadRequestException(404, "no partition " + p);
        }
        return (int) p;
    }

    @Override
    public void close() {
        api.close();
    }
}
