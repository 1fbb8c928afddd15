package io.cutcheck.cli.conform;

import java.util.ArrayList;
import java.util.List;

/**
 * The rules of PROTOCOL.md the kit observes, in the order of the document, so the table reads
 * like the protocol. The restore rules are one per node the kit kills (one of each role), so
 * they are made for the system at hand.
 */
public final class Rules {

    public static final Rule CONFIG_NOT_JSON = new Rule("1", "config-not-json",
            "a node-config file that is not JSON: one line on stderr, exit status 2");
    public static final Rule CONFIG_MISSING_FIELD = new Rule("1", "config-missing-field",
            "a node-config file lacking a required field: one line on stderr, exit 2");
    public static final Rule CONFIG_UNKNOWN = new Rule("1", "config-unknown",
            "a node-config file with protocol 2 or an unknown role: one line on stderr, exit 2");
    public static final Rule RUNNING = new Rule("1", "running",
            "every node reports running within 60 s of its start");
    public static final Rule DRAIN = new Rule("1", "drain",
            "a checkpoint triggered after the input stops reaches every partition's end");
    public static final Rule HEALTH = new Rule("2", "health",
            "GET /health: 200 {protocol 1, system, node, role, status, incarnation, restoredFrom}");
    public static final Rule HEALTH_STATUS = new Rule("2", "health-status",
            "/health status is always starting, running or recovering");
    public static final Rule NOT_FOUND = new Rule("2", "unknown-path",
            "an unknown path: 404 {\"error\"}");
    public static final Rule WRONG_METHOD = new Rule("2", "wrong-method",
            "a known path with another method: 405 {\"error\"}");
    public static final Rule BAD_REQUEST = new Rule("2", "bad-request",
            "a body that is not JSON, a bad query parameter: 400 {\"error\"}");
    public static final Rule EVENTS_PAGE = new Rule("2", "events-page",
            "GET /events?since&max: {incarnation, events, next}, seq from since, next after last");
    public static final Rule EVENTS_BEYOND = new Rule("2", "events-beyond",
            "/events since beyond the newest: empty page, next = the next event's seq");
    public static final Rule EVENTS_SHAPE = new Rule("2", "events-shape",
            "events have seq, node, time, type, checkpoint, detail; seq 0 is started");
    public static final Rule EVENTS_RESTART = new Rule("2", "events-restart",
            "after a restart: a new incarnation in /health and /events, seq from 0 again");
    public static final Rule TRIGGER = new Rule("2", "trigger",
            "POST /checkpoints/trigger on the committing node: 202 {id}, 409 while busy");
    public static final Rule TRIGGER_OTHERS = new Rule("2", "trigger-others",
            "POST /checkpoints/trigger elsewhere: 409 {\"error\"}, or 202 {id} if it initiates");
    public static final Rule TRIGGERS = new Rule("2", "triggers",
            "GET /triggers as configured; PUT changes the fields given, answers the new ones");
    public static final Rule TRIGGERS_INVALID = new Rule("2", "triggers-invalid",
            "PUT /triggers with a negative value or not JSON: 400, nothing changed");
    public static final Rule CHECKPOINT_LIST = new Rule("2", "checkpoint-list",
            "GET /checkpoints: by id, ids > 0, known status and reason, times match status");
    public static final Rule COMMIT_ENTRY = new Rule("2", "commit-entry",
            "one node lists an id with reason/metadataPath (committed: nodes); others [itself]");
    public static final Rule TRANSITIONS = new Rule("2", "transitions",
            "status only pending → committed | aborted; never both; committed stays");
    public static final Rule IDS = new Rule("2", "ids",
            "ids increase and are never reused, also across kill -9 of the committing node");
    public static final Rule CONTENT = new Rule("2", "content",
            "GET /checkpoints/{id}/content: {id, node, positions, state, channels}");
    public static final Rule CONTENT_NONE = new Rule("2", "content-none",
            "content of an id the node holds no part of: 404");
    public static final Rule ENCODING = new Rule("6", "encoding",
            "content in the workload's logical encoding");
    public static final Rule ADDS_UP = new Rule("6", "adds-up",
            "the parts of a committed checkpoint make one cut of the input");
    public static final Rule OUTPUT_PREPARED = new Rule("5", "output-prepared",
            "after a quiet period no committed checkpoint's transaction is still prepared");
    public static final Rule OUTPUT_ONCE = new Rule("5", "output-once",
            "committed output holds each input record at most once");

    private Rules() {}

    /** The restore rule for one killed node. */
    public static Rule restore(String node, String role, boolean committer) {
        return new Rule("3", "restore-" + node, "kill -9 of " + node + " (" + role + (committer ? ", committing node" : "")
                + "): restore-started, restored, restoredFrom, running <= 60 s");
    }

    /** Every rule, the restore rules of {@code restored} in their place. */
    public static List<Rule> ordered(List<Rule> restored) {
        List<Rule> all = new ArrayList<>(List.of(CONFIG_NOT_JSON, CONFIG_MISSING_FIELD, CONFIG_UNKNOWN, RUNNING, DRAIN, HEALTH,
                HEALTH_STATUS, NOT_FOUND, WRONG_METHOD, BAD_REQUEST, EVENTS_PAGE, EVENTS_BEYOND, EVENTS_SHAPE,
                EVENTS_RESTART, TRIGGER, TRIGGER_OTHERS, TRIGGERS, TRIGGERS_INVALID, CHECKPOINT_LIST, COMMIT_ENTRY,
                TRANSITIONS, IDS, CONTENT, CONTENT_NONE));
        all.addAll(restored);
        all.addAll(List.of(OUTPUT_PREPARED, OUTPUT_ONCE, ENCODING, ADDS_UP));
        return all;
    }
}
