package io.cutcheck.sut.services;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutcheck.sut.http.BadRequestException;
import io.cutcheck.sut.http.HttpApi;
import io.cutcheck.sut.http.ProtocolJson;
import io.cutcheck.sut.http.HttpReply;
import java.util.List;
import java.util.Map;

/** The output store's HTTP API (PROTOCOL.md section 5). */
public final class OutputStoreServer implements AutoCloseable {
    static final int MAX_READ = 100_000;
    private final HttpApi api;

    public OutputStoreServer(String host, int port, OutputStore store) {
        api = new HttpApi(host, port);
        api.route("POST", "/transactions/{txn}/records", r -> answer(r.path("txn"),
                store.stage(r.path("txn"), r.query().get("owner"), RawJson.objects(r.body(), null))));
        api.route("POST", "/transactions/{txn}/prepare", r -> {
            JsonNode body = r.json();
            if (!body.hasNonNull("owner") || !body.path("checkpoint").canConvertToLong()) {
                throw new BadRequestException("prepare needs {\"owner\":…,\"checkpoint\":…}");
            }
            return answer(r.path("txn"), store.prepare(r.path("txn"), body.get("owner").asText(),
                    body.get("checkpoint").asLong()));
        });
        api.route("POST", "/transactions/{txn}/commit", r -> answer(r.path("txn"), store.commit(r.path("txn"))));
        api.route("POST", "/transactions/{txn}/abort", r -> answer(r.path("txn"), store.abort(r.path("txn"))));
        api.route("GET", "/transactions", r -> {
            String state = r.query().get("state");
            TxnState filter;
            try {
                filter = state == null ? null : TxnState.parse(state);
            } catch (IllegalArgumentException e) {
                throw new BadRequestException("state must be open, prepared, committed or aborted");
            }
            return HttpReply.ok(store.transactions(r.query().get("owner"), filter));
        });
        api.route("GET", "/output", r -> {
            long from = r.queryLong("from", 0);
            int max = (int) Math.min(Math.max(r.queryLong("max", 10_000), 1), MAX_READ);
            List<OutputStore.Entry> entries = store.output(from, max);
            long end = store.end();
            return new HttpReply(200, out -> {
                RawJson.writeAscii(out, "{\"records\":[");
                boolean first = true;
                for (OutputStore.Entry e : entries) {
                    if (!first) {
                        out.write(',');
                    }
                    first = false;
                    RawJson.writeAscii(out, "{\"seq\":" + e.seq()
                            + ",\"txn\":" + ProtocolJson.MAPPER.writeValueAsString(e.txn())
                            + ",\"checkpoint\":" + e.checkpoint() + ",\"record\":");
                    out.write(e.record());
                    out.write('}');
                }
                RawJson.writeAscii(out, "],\"end\":" + end + "}");
            });
        });
        api.route("GET", "/stats", r -> HttpReply.ok(Map.of("committed", store.end(), "staged", store.staged())));
    }

    private static HttpReply answer(String txn, TxnOutcome outcome) {
        return switch (outcome) {
            case DONE -> HttpReply.ok(Map.of("txn", txn));
            case CONFLICT -> HttpReply.error(409, "transaction " + txn + " is not in a state that allows this");
            case UNKNOWN -> HttpReply.error(404, "no transaction " + txn);
        };
    }

    public OutputStoreServer start() {
        api.start();
        return this;
    }

    public int port() {
        return api.port();
    }

    @Override
    public void close() {
        api.close();
    }
}
