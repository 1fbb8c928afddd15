#!/usr/bin/env python3
"""python-stream: a checkpointing system for cutcheck's stream workload, in Python 3 with the
standard library only. This file reads the node config (PROTOCOL.md section 1) and serves the
control endpoint (section 2); roles.py holds the coordinator and the worker.

    python3 node.py --node-config FILE
"""
import json
import sys
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from common import BadRequest, Events, Refused, log, now_ms
from roles import Coordinator, Worker

SYSTEM, DEFECTS = "python-stream", ("recommit",)


def is_int(v, low=0):
    return isinstance(v, int) and not isinstance(v, bool) and v >= low


def load_config(argv):
    """The node config, defaults filled in; anything unusable: one line on stderr, exit status 2."""
    def bad(text):
        print(f"{SYSTEM}: bad node config: {text}", file=sys.stderr)
        sys.exit(2)

    if len(argv) != 3 or argv[1] != "--node-config":
        bad("usage: node.py --node-config FILE")
    try:
        with open(argv[2], encoding="utf-8") as f:
            cfg = json.load(f)
    except (OSError, ValueError) as e:
        bad(f"cannot read {argv[2]}: {str(e).splitlines()[0]}")
    if not isinstance(cfg, dict):
        bad("not a JSON object")
    missing = [k for k in ("protocol", "system", "node", "role", "bindHost", "controlPort", "dataDir", "nodes")
               if cfg.get(k) is None]
    if missing:
        bad(f"missing field {missing[0]}")
    cfg = {"index": 0, "dataPort": 0, "defect": None, **cfg}
    checks = [(cfg["protocol"] == 1, f"protocol {cfg['protocol']}, not 1"),
              (cfg["system"] == SYSTEM, f"unknown system {cfg['system']!r}"),
              (cfg["role"] in ("coordinator", "worker"), f"unknown role {cfg['role']!r}"),
              (cfg["defect"] in (None,) + DEFECTS, f"unknown defect {cfg['defect']!r}"),
              (all(is_int(cfg[k]) for k in ("index", "controlPort", "dataPort")), "a port or index is not an integer"),
              (isinstance(cfg["nodes"], dict) and cfg["node"] in cfg["nodes"], "nodes does not name this node")]
    for ok, text in checks:
        if not ok:
            bad(text)
    for role in ("coordinator", "worker"):  # the layout: one of each
        found = [n for n, a in cfg["nodes"].items() if isinstance(a, dict) and a.get("role") == role]
        if len(found) != 1 or not cfg["nodes"][found[0]].get("host") or not is_int(cfg["nodes"][found[0]].get("dataPort"), 1):
            bad(f"nodes must hold exactly one {role}, with host and dataPort")
        cfg[role] = found[0]
    if cfg["role"] == "worker" and not (cfg.get("inputLog") and cfg.get("outputStore")):
        bad("a worker needs inputLog and outputStore")
    given = cfg.get("checkpoint") if isinstance(cfg.get("checkpoint"), dict) else {}
    cfg["checkpoint"] = {"intervalMs": 1000, "everyRecords": 0, "timeoutMs": 10000, "retain": 3, **given}
    if not all(is_int(v) for v in cfg["checkpoint"].values()) or cfg["checkpoint"]["retain"] < 1:
        bad("checkpoint settings must be integers >= 0, retain >= 1")
    cfg["options"] = cfg.get("options") if isinstance(cfg.get("options"), dict) else {}
    return cfg


def make_handler(role, events, incarnation):
    """The section 2 endpoints, answered by `role` (a Coordinator or a Worker)."""

    def number(query, name, default):
        value = query.get(name, [str(default)])[0]
        if not value.isdigit():
            raise BadRequest(f"{name} must be a non-negative integer")
        return int(value)

    def body(raw):
        try:
            parsed = json.loads(raw) if raw.strip() else {}
        except ValueError as e:
            raise BadRequest(f"the body is not JSON: {e}") from e
        if not isinstance(parsed, dict):
            raise BadRequest("the body must be a JSON object")
        return parsed

    def events_page(query, _):
        page, nxt = events.page(number(query, "since", 0), min(number(query, "max", 10_000), 10_000))
        return 200, {"incarnation": incarnation, "events": page, "next": nxt}

    def content(_, __, cid):
        if not cid.isdigit():
            raise BadRequest("a checkpoint id is a positive integer")
        part = role.content(int(cid))
        return (200, part) if part else (404, {"error": f"this node holds no part of checkpoint {cid}"})

    def trigger(_, raw):
        reason = body(raw).get("reason")
        return 202, {"id": role.trigger(reason if isinstance(reason, str) and reason else "external")}

    def put_triggers(_, raw):
        new = {k: v for k, v in body(raw).items() if k in ("intervalMs", "everyRecords") and v is not None}
        if not all(is_int(v) for v in new.values()):
            raise BadRequest("intervalMs and everyRecords must be integers >= 0")
        return 200, role.set_triggers(new)

    routes = {  # path segments ("*": a parameter) -> method -> handler(query, raw body, *parameters)
        ("health",): {"GET": lambda q, r: (200, role.health())},
        ("events",): {"GET": events_page},
        ("checkpoints",): {"GET": lambda q, r: (200, role.checkpoints())},
        ("checkpoints", "*", "content"): {"GET": content},
        ("checkpoints", "trigger"): {"POST": trigger},
        ("triggers",): {"GET": lambda q, r: (200, role.triggers()), "PUT": put_triggers},
    }

    def dispatch(method, path, query, raw):
        segments = tuple(s for s in path.split("/") if s)
        for template, methods in routes.items():
            if len(template) == len(segments) and all(t in ("*", s) for t, s in zip(template, segments)):
                if method not in methods:
                    return 405, {"error": f"{method} is not allowed on {path}"}
                return methods[method](query, raw, *[s for t, s in zip(template, segments) if t == "*"])
        return 404, {"error": f"no such path: {path}"}

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"   # keep-alive: the harness polls every 100 ms
        disable_nagle_algorithm = True  # headers and body are written separately

        def handle_any(self):
            url = urllib.parse.urlsplit(self.path)
            raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            try:
                status, answer = dispatch(self.command, url.path, urllib.parse.parse_qs(url.query), raw)
            except BadRequest as e:
                status, answer = 400, {"error": str(e)}
            except Refused as e:
                status, answer = 409, {"error": str(e)}
            except Exception as e:  # e.g. a corrupt part: one line, no stack trace on the wire
                status, answer = 500, {"error": f"{type(e).__name__}: {e}".splitlines()[0]}
            data = json.dumps(answer).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = handle_any

        def log_message(self, *args):
            pass

    return Handler


def main():
    cfg = load_config(sys.argv)
    incarnation, events = now_ms(), Events(cfg["node"])
    role = (Coordinator if cfg["role"] == "coordinator" else Worker)(cfg, events, incarnation)
    try:
        server = ThreadingHTTPServer((cfg["bindHost"], cfg["controlPort"]), make_handler(role, events, incarnation))
    except OSError as e:
        log(cfg["node"], f"cannot listen on {cfg['bindHost']}:{cfg['controlPort']}: {e}")
        sys.exit(1)
    server.daemon_threads = True
    events.emit("started", None, incarnation=incarnation)
    role.start()
    server.serve_forever()


if __name__ == "__main__":
    main()
