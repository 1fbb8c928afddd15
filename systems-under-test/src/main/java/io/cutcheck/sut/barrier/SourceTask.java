package io.cutcheck.sut.barrier;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.cutcheck.sut.control.Content;
import io.cutcheck.sut.http.ProtocolJson;
import io.cutcheck.sut.http.JsonHttpClient;
import io.cutcheck.sut.node.NodeConfig;
import io.cutcheck.sut.storage.CheckpointStore;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * Source {@code i}: reads input partition {@code i} by offset in batches and sends each record to the
 * operator owning its key; on a trigger it emits the barrier on every output and snapshots its offset.
 */
final class SourceTask extends TaskNode {
    private static final Logger LOG = Logger.getLogger(SourceTask.class.getName());
    private final int partition;
    private final int batch;
    private final JsonHttpClient inputLog;
    private final AtomicLong recordsRead = new AtomicLong();
    private final long barrierDelayMs;
    private long offset;
    /** Batches read ahead by the fetcher; a restore bumps the generation, making older batches stale. */
    private final BlockingQueue<Fetched> fetched = new ArrayBlockingQueue<>(4);
    private final Object fetchLock = new Object();
    private volatile long generation;
    private volatile boolean fetching;
    private long fetchFrom;

    private record Fetched(long generation, List<StreamRecord> records) {
    }
    /** A barrier held back by {@code barrierDelayMs}: id and when it is due. */
    private long heldBarrier;
    private long heldUntil;

    SourceTask(NodeConfig config, Topology topology, CheckpointStore store, BarrierDefect defect) {
        super(config, topology, store, defect);
        this.partition = config.index();
        this.batch = (int) config.longOption("batch", 2000);
        this.inputLog = new JsonHttpClient(config.inputLog());
        this.barrierDelayMs = config.longOption("barrierDelayMs", 0);
    }

    @Override
    protected void restoreState(long checkpoint, Optional<byte[]> payload) {
        offset = payload.map(p -> ByteBuffer.wrap(p).getLong(4)).orElse(0L);
        heldBarrier = 0;
        synchronized (fetchLock) {
            fetching = false;
            generation++;
            fetchFrom = offset;
            fetched.clear();
        }
    }

    @Override
    protected void onRun() {
        fetching = true;
    }

    @Override
    void start() {
        super.start();
        Threads.daemon(this::fetchLoop, "fetcher").start();
    }

    /** Reads the input log ahead of the task thread, so reading overlaps with sending. */
    private void fetchLoop() {
        while (true) {
            long gen;
            long from;
            synchronized (fetchLock) {
                gen = generation;
                from = fetchFrom;
            }
            if (!fetching) {
                Threads.sleep(10);
                continue;
            }
            List<StreamRecord> records;
            try {
                JsonHttpClient.Response response = inputLog.get("/partitions/" + partition + "/records?from=" + from
                        + "&max=" + batch + "&waitMs=100");
                if (!response.ok()) {
                    throw new IOException("input log answered " + response.status());
                }
                records = parse(response.body());
            } catch (IOException e) {
                LOG.warning("reading the input log: " + e.getMessage());
                Threads.sleep(200);
                continue;
            }
            if (records.isEmpty()) {
                continue;
            }
            Fetched batchRead = new Fetched(gen, records);
            while (true) {
                synchronized (fetchLock) {
                    if (gen != generation) {
                        break;
                    }
                    if (fetched.offer(batchRead)) {
                        fetchFrom = records.get(records.size() - 1).offset() + 1;
                        break;
                    }
                }
                Threads.sleep(2);
            }
        }
    }

    @Override
    protected long recordsRead() {
        return recordsRead.get();
    }

    @Override
    protected boolean step() {
        if (heldBarrier > 0 && System.currentTimeMillis() >= heldUntil) {
            long id = heldBarrier;
            heldBarrier = 0;
            emitBarrier(id);
        }
        Fetched next;
        try {
            next = fetched.poll(20, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        if (next == null) {
            return false;
        }
        if (next.generation() != generation) {
            return true;
        }
        List<StreamRecord> records = next.records();
        List<List<StreamRecord>> byOperator = new ArrayList<>();
        for (int j = 0; j < topology.operators().size(); j++) {
            byOperator.add(new ArrayList<>());
        }
        for (StreamRecord r : records) {
            byOperator.get(topology.operatorFor(r.key())).add(r);
        }
        for (int j = 0; j < byOperator.size(); j++) {
            if (!byOperator.get(j).isEmpty()) {
                send(topology.operators().get(j), DataCodec.records(byOperator.get(j)));
            }
        }
        flushOutputs();
        if (running) {
            offset = records.get(records.size() - 1).offset() + 1;
            recordsRead.addAndGet(records.size());
        }
        return true;
    }

    @Override
    protected void onTrigger(long id, String reason) {
        if (barrierDelayMs > 0) {
            // skew for tests: records keep flowing on this channel while the other sources' barriers are out
            heldBarrier = id;
            heldUntil = System.currentTimeMillis() + barrierDelayMs;
            return;
        }
        emitBarrier(id);
    }

    private void emitBarrier(long id) {
        for (String operator : topology.operators()) {
            send(operator, DataCodec.barrier(id));
        }
        flushOutputs();
        if (running) {
            snapshot(id, ByteBuffer.allocate(12).putInt(partition).putLong(offset).array(), Map.of(partition, offset));
        }
    }

    @Override
    protected Content content(long id, byte[] payload) {
        ByteBuffer buffer = ByteBuffer.wrap(payload);
        int p = buffer.getInt();
        return new Content(id, config.node(), Map.of(String.valueOf(p), buffer.getLong()), Map.of(), Map.of());
    }

    private List<StreamRecord> parse(byte[] body) throws IOException {
        List<StreamRecord> records = new ArrayList<>();
        try (JsonParser parser = ProtocolJson.MAPPER.getFactory().createParser(body)) {
            while (parser.nextToken() != null) {
                if (parser.currentToken() == JsonToken.FIELD_NAME && "records".equals(parser.currentName())) {
                    parser.nextToken();
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        records.add(record(parser));
                    }
                    return records;
                }
            }
        }
        return records;
    }

    private StreamRecord record(JsonParser parser) throws IOException {
        long recordOffset = -1;
        String key = null;
        long value = 0;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken token = parser.nextToken();
            switch (field) {
                case "offset" -> recordOffset = parser.getLongValue();
                case "key" -> key = parser.getText();
                case "value" -> value = parser.getLongValue();
                default -> {
                    if (token.isStructStart()) {
                        parser.skipChildren();
                    }
                }
            }
        }
        if (key == null || recordOffset < 0) {
            throw new IOException("input record without key or offset");
        }
        return new StreamRecord(partition, recordOffset, key, value, 0, 0);
    }
}
