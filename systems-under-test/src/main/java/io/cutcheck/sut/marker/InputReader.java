package io.cutcheck.sut.marker;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutcheck.sut.http.JsonHttpClient;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.logging.Logger;

/**
 * Reads this peer's input partition from the harness's input log, from a given offset, and hands
 * each batch to the event loop, waiting until it was applied (so the reader never runs ahead).
 * One reader per recovery epoch; {@link #close()} ends it.
 */
final class InputReader implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(InputReader.class.getName());
    private static final int BATCH = 500;
    private static final int WAIT_MS = 200;

    /** Applies one batch on the event loop and returns once it is applied. */
    interface Sink {
        void apply(List<Transfer> batch) throws Exception;
    }

    private final JsonHttpClient client;
    private final int partition;
    private final Sink sink;
    private final Thread thread;
    private volatile boolean closed;
    private long next;

    InputReader(String inputLog, int partition, long from, Sink sink) {
        this.client = new JsonHttpClient(inputLog);
        this.partition = partition;
        this.next = from;
        this.sink = sink;
        this.thread = new Thread(this::run, "input-reader-" + partition);
        thread.setDaemon(true);
    }

    InputReader start() {
        thread.start();
        return this;
    }

    private void run() {
        while (!closed) {
            try {
                JsonHttpClient.Response response = client.get("/partitions/" + partition + "/records?from=" + next
                        + "&max=" + BATCH + "&waitMs=" + WAIT_MS);
                if (!response.ok()) {
                    throw new IOException("input log answered " + response.status());
                }
                List<Transfer> batch = parse(response.json());
                if (!batch.isEmpty() && !closed) {
                    sink.apply(batch);
                    next = batch.get(batch.size() - 1).offset() + 1;
                }
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                if (!closed) {
                    LOG.warning("reading input partition " + partition + " at " + next + ": " + e.getMessage());
                    sleep();
                }
            }
        }
    }

    private static List<Transfer> parse(JsonNode body) {
        List<Transfer> batch = new ArrayList<>();
        for (JsonNode r : body.path("records")) {
            batch.add(new Transfer(r.path("offset").asLong(), r.path("id").asText(), r.path("from").asText(),
                    r.path("to").asText(), r.path("amount").asLong()));
        }
        return batch;
    }

    private void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
