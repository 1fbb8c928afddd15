"""The coordinator triggers checkpoints, commits one by making its metadata durable, and drives
every recovery; the worker reads the input log, keeps each key's count and sum, and writes the
output through the output store's two-phase commit. They talk over one TCP connection that the
worker dials to the coordinator's dataPort at the address its own node config gives (the harness
may route it through a proxy). Messages ("t" is the type):
  worker -> coordinator: hello, hb (records read), ack (part, positions), restored, restore-failed
  coordinator -> worker: restore (epoch, checkpoint, part), run, trigger, complete, abort, hb
Both sides take the other for lost after heartbeatTimeoutMs of silence; any loss means recovery."""
import json
import os
import queue
import socket
import threading
import time
import urllib.parse

from common import (CorruptPart, Link, Refused, call, checkpoint_ids, crc32c, decode_part, encode_part, log,
                    make_dir_durably, now_ms, remove_checkpoints, write_durably)


def view(cid, reason, status, triggered, nodes, path=None, size=0, acks=None, committed=None):
    """A checkpoint as GET /checkpoints lists it."""
    return {"id": cid, "reason": reason, "status": status, "triggeredAt": triggered, "acksCompleteAt": acks,
            "committedAt": committed, "abortedAt": None, "sizeBytes": size, "metadataPath": path, "nodes": nodes}


def settle(views, cid, status):
    if views.get(cid, {}).get("status") == "pending":
        views[cid].update({"status": status, ("committedAt" if status == "committed" else "abortedAt"): now_ms()})


class Role:
    """What both roles answer alike on the control endpoint."""

    def health(self):
        return {"protocol": 1, "system": self.cfg["system"], "node": self.node, "role": self.cfg["role"],
                "status": self.status, "incarnation": self.incarnation, "restoredFrom": self.restored_from}

    def checkpoints(self):
        with self.lock:
            return [dict(self.known[c]) for c in sorted(self.known)]


class Coordinator(Role):
    """Link readers, the ticker and HTTP handlers all call in; every step holds self.lock."""

    def __init__(self, cfg, events, incarnation):
        self.cfg, self.ev, self.node, self.worker, self.incarnation = cfg, events, cfg["node"], cfg["worker"], incarnation
        self.interval, self.every = cfg["checkpoint"]["intervalMs"], cfg["checkpoint"]["everyRecords"]
        self.hb_timeout = cfg["options"].get("heartbeatTimeoutMs", 3000) / 1000
        self.root = os.path.join(cfg["dataDir"], "checkpoints")
        make_dir_durably(self.root)
        self.lock, self.known, self.committed = threading.RLock(), {}, {}  # id -> view; id -> metadata
        for cid in checkpoint_ids(self.root):
            if meta := self.read_metadata(cid):
                self.committed[cid], self.known[cid] = meta, self.committed_view(meta)
        # ids are never reused: continue above the last one issued and every directory present
        self.id_file = os.path.join(cfg["dataDir"], "last-checkpoint-id")
        try:
            with open(self.id_file) as f:
                self.last_id = int(f.read())
        except (OSError, ValueError):
            self.last_id = 0
        self.last_id = max([self.last_id] + checkpoint_ids(self.root))
        self.session, self.epoch, self.running, self.status, self.restored_from = None, 0, False, "starting", None
        self.pending, self.target, self.unusable = None, None, set()
        self.records = self.records_at_trigger = 0
        self.last_trigger = time.monotonic()

    def metadata_path(self, cid):
        return os.path.join(self.root, str(cid), "_metadata")

    def read_metadata(self, cid):
        """The commit record; missing, not JSON or without version is a torn write, not a commit."""
        try:
            with open(self.metadata_path(cid), "rb") as f:
                meta = json.loads(f.read())
        except (OSError, ValueError):
            return None
        return meta if isinstance(meta, dict) and meta.get("version") == 1 else None

    def committed_view(self, meta):
        size = sum(p["sizeBytes"] for p in meta["parts"]) + os.path.getsize(self.metadata_path(meta["id"]))
        return view(meta["id"], meta["reason"], "committed", meta["triggeredAt"], [p["node"] for p in meta["parts"]],
                    self.metadata_path(meta["id"]), size, meta["acksCompleteAt"], meta["committedAt"])

    def start(self):
        server = socket.create_server((self.cfg["bindHost"], self.cfg["dataPort"]))
        with self.lock:
            self.begin_recovery("coordinator started")
        threading.Thread(target=self.accept, args=(server,), daemon=True).start()
        threading.Thread(target=self.ticker, daemon=True).start()

    def accept(self, server):
        while True:
            Link(server.accept()[0], self.on_message, self.on_closed)

    def on_message(self, link, m):
        with self.lock:
            if m["t"] == "hello":
                if m.get("node") != self.worker:
                    return link.close()
                old, self.session, link.node = self.session, link, m["node"]
                if old:
                    old.close()
                if self.running:  # the worker restarted or lost its link: its state is not ours
                    self.begin_recovery(f"{self.worker} rejoined")
                else:
                    self.send_restore()
            elif link is not self.session:
                return
            elif m["t"] == "hb":  # "read": records the worker read in its incarnation
                self.records += m["read"] - (m["read"] if link.read is None else link.read)
                link.read = m["read"]
            elif m["t"] == "ack" and self.pending and m["id"] == self.pending["id"] and m["epoch"] == self.epoch:
                self.ev.emit("ack-received", m["id"], node=self.worker)
                self.commit(m)
            elif m["t"] == "restored" and m["epoch"] == self.epoch and not self.running:
                self.running, self.status, self.restored_from = True, "running", self.target
                self.last_trigger, self.records_at_trigger = time.monotonic(), self.records
                self.ev.emit("restored", self.target, epoch=self.epoch)
                link.send({"t": "run", "epoch": self.epoch})
            elif m["t"] == "restore-failed" and m["epoch"] == self.epoch:
                self.unusable.add(m["checkpoint"])
                self.begin_recovery(f"{self.worker} cannot restore {m['checkpoint']}: {m['cause']}")

    def on_closed(self, link):
        with self.lock:
            if link is self.session:
                self.session = None
                if self.running:
                    self.begin_recovery(f"connection to {self.worker} lost")

    def send(self, message):
        if self.session:
            self.session.send(message)

    def ticker(self):
        last = last_hb = time.monotonic()
        while True:
            time.sleep(0.05)
            with self.lock:
                t, s = time.monotonic(), self.session
                if s and t - last > 1.0:
                    s.last_recv = t  # we were paused ourselves: the worker's heartbeats wait unread
                last = t
                if s and t - s.last_recv > self.hb_timeout:
                    log(self.node, f"{self.worker} silent for {self.hb_timeout} s")
                    s.close()  # its reader then reports the loss
                elif t - last_hb >= 0.2:
                    self.send({"t": "hb"})
                    last_hb = t
                timeout = self.cfg["checkpoint"]["timeoutMs"]
                if self.pending and timeout and now_ms() - self.pending["triggeredAt"] > timeout:
                    self.abort_pending("timeout")
                due = self.running and not self.pending and (
                    "interval" if self.interval and (t - self.last_trigger) * 1000 >= self.interval else
                    "records" if self.every and self.records - self.records_at_trigger >= self.every else None)
                try:
                    due and self.trigger(due)
                except Refused as e:
                    log(self.node, f"automatic trigger failed: {e}")

    def trigger(self, reason):
        with self.lock:
            if not self.running:
                raise Refused("recovering")
            if self.pending:
                raise Refused(f"checkpoint {self.pending['id']} in flight")
            cid = self.last_id + 1
            try:
                write_durably(self.id_file, str(cid).encode())  # durable before it is used
            except OSError as e:
                raise Refused(f"cannot record the checkpoint id: {e}") from e
            self.last_id, self.pending = cid, {"id": cid, "reason": reason, "triggeredAt": now_ms()}
            self.last_trigger, self.records_at_trigger = time.monotonic(), self.records
            self.known[cid] = view(cid, reason, "pending", self.pending["triggeredAt"], [self.worker],
                                   self.metadata_path(cid))
            self.ev.emit("triggered", cid, reason=reason)
            self.send({"t": "trigger", "epoch": self.epoch, "id": cid, "triggeredAt": self.pending["triggeredAt"]})
            return cid

    def commit(self, ack):
        """The worker's part is durable: the checkpoint commits when its metadata is."""
        p, acks = self.pending, now_ms()
        meta = {"version": 1, "id": p["id"], "reason": p["reason"], "triggeredAt": p["triggeredAt"],
                "acksCompleteAt": acks, "committedAt": acks, "parts": [ack["part"]], "positions": ack["positions"]}
        try:
            make_dir_durably(os.path.dirname(self.metadata_path(p["id"])))
            write_durably(self.metadata_path(p["id"]), json.dumps(meta).encode())
        except OSError as e:
            return self.abort_pending(f"metadata not durable: {e}")
        self.pending = None
        self.ev.emit("committed", p["id"])
        self.committed[p["id"]], self.known[p["id"]] = meta, {**self.committed_view(meta), "committedAt": now_ms()}
        # retention: keep the newest `retain`, delete every other directory up to the newest
        keep = sorted(self.committed)[-self.cfg["checkpoint"]["retain"]:]
        for cid in checkpoint_ids(self.root):
            if cid < keep[-1] and cid not in keep:
                remove_checkpoints(self.root, [cid])
                if self.committed.pop(cid, None):
                    self.known.pop(cid, None)
        self.send({"t": "complete", "id": p["id"], "retained": keep})

    def abort_pending(self, cause):
        if self.pending:
            cid, self.pending = self.pending["id"], None
            self.ev.emit("aborted", cid, cause=cause)
            settle(self.known, cid, "aborted")
            self.send({"t": "abort", "id": cid, "cause": cause})

    def begin_recovery(self, cause):
        """The worker goes back to the newest committed checkpoint, in a new epoch."""
        self.abort_pending(f"recovery: {cause}")  # it can never commit now
        self.running, self.status, self.epoch = False, "recovering", max(now_ms(), self.epoch + 1)
        self.target = max((c for c in self.committed if c not in self.unusable), default=None)
        self.ev.emit("restore-started", self.target, checkpoint=self.target, cause=cause, epoch=self.epoch)
        self.send_restore()

    def send_restore(self):
        part = self.committed[self.target]["parts"][0] if self.target else None
        self.send({"t": "restore", "epoch": self.epoch, "checkpoint": self.target, "part": part})

    def content(self, cid):
        meta = self.read_metadata(cid)  # read back from disk
        return meta and {"id": cid, "node": self.node, "positions": meta["positions"], "state": {}, "channels": {}}

    def triggers(self):
        return {"intervalMs": self.interval, "everyRecords": self.every}

    def set_triggers(self, new):
        with self.lock:
            self.interval, self.every = new.get("intervalMs", self.interval), new.get("everyRecords", self.every)
            return self.triggers()


class Worker(Role):
    """All work happens on one thread (main_loop); link threads and HTTP handlers enqueue or read.

    Output: each flush of output records becomes its own transaction, prepared at once and tagged
    (the store's `checkpoint` field) with the lowest checkpoint id that can cover it: the id of the
    last snapshot (or restored checkpoint) + 1. Ids only grow, so the next snapshot, whatever its
    id, is >= that tag, and a committed checkpoint d covers a transaction exactly when tag <= d.
    So on `complete d` the worker commits the tags <= d, and a restore to r commits the prepared
    tags <= r and aborts the others, whose records the replay from r writes again."""

    def __init__(self, cfg, events, incarnation):
        self.cfg, self.ev, self.node, self.incarnation = cfg, events, cfg["node"], incarnation
        self.root = os.path.join(cfg["dataDir"], "checkpoints")
        make_dir_durably(self.root)
        self.hb_timeout = cfg["options"].get("heartbeatTimeoutMs", 3000) / 1000
        self.batch, self.recommit = cfg["options"].get("batch", 1000), cfg["defect"] == "recommit"
        self.owner = urllib.parse.quote(self.node)
        self.inbox, self.link, self.lock, self.known = queue.Queue(), None, threading.Lock(), {}
        self.status, self.restored_from, self.running, self.epoch, self.restored_epoch = "starting", None, False, None, None
        self.positions, self.state, self.buffer, self.prepared = {}, {}, [], []  # prepared: [(tag, txn)]
        self.tag, self.seq, self.read_total = 1, 0, 0

    def start(self):
        for loop in (self.dial_loop, self.heartbeat_loop, self.main_loop):
            threading.Thread(target=loop, daemon=True).start()

    def part_path(self, cid):
        return os.path.join(self.root, str(cid), f"{self.node}.part")

    def dial_loop(self):
        address = self.cfg["nodes"][self.cfg["coordinator"]]
        while True:
            try:
                sock = socket.create_connection((address["host"], address["dataPort"]), timeout=1)
            except OSError:
                time.sleep(0.2)
                continue
            sock.settimeout(None)
            closed = threading.Event()
            # "lost" is queued behind everything the link delivered, before anything a later link does
            self.link = Link(sock, lambda l, m: self.inbox.put((l, m)),
                             lambda l: (self.inbox.put((l, {"t": "lost"})), closed.set()))
            self.link.send({"t": "hello", "node": self.node, "incarnation": self.incarnation})
            closed.wait()
            time.sleep(0.2)

    def heartbeat_loop(self):
        last = time.monotonic()
        while True:
            time.sleep(0.2)
            t, link = time.monotonic(), self.link
            if link and not link.closed:
                if t - last > 1.0:
                    link.last_recv = t  # we were paused ourselves
                elif t - link.last_recv > self.hb_timeout:
                    log(self.node, f"coordinator silent for {self.hb_timeout} s")
                    link.close()
                link.send({"t": "hb", "read": self.read_total})
            last = t

    def main_loop(self):
        busy = False
        while True:
            try:
                try:
                    link, m = self.inbox.get(timeout=0 if busy else 0.05)
                except queue.Empty:
                    busy = self.running and self.step()
                    continue
                if m["t"] == "lost":  # without the coordinator nothing can commit; it restores us on return
                    self.running, self.status = False, "starting" if self.status == "starting" else "recovering"
                elif link is self.link:
                    self.handle(m)
            except Exception as e:  # a service call failed: drop the link, the coordinator recovers
                log(self.node, f"failed: {type(e).__name__}: {e}")
                self.running = busy = False
                if self.link:
                    self.link.close()

    def handle(self, m):
        if m["t"] == "restore":
            self.restore(m["epoch"], m["checkpoint"], m["part"])
        elif m["t"] == "run" and m["epoch"] == self.restored_epoch == self.epoch:
            self.running, self.status = True, "running"
        elif m["t"] == "trigger" and self.running and m["epoch"] == self.epoch:
            self.snapshot(m["id"], m["triggeredAt"])
        elif m["t"] == "complete":
            for tag, txn in [p for p in self.prepared if p[0] <= m["id"]]:
                call(self.cfg["outputStore"], "POST", f"/transactions/{txn}/commit", {})
            self.prepared = [p for p in self.prepared if p[0] > m["id"]]
            old = [i for i in checkpoint_ids(self.root) if i < m["id"] and i not in m["retained"]]
            remove_checkpoints(self.root, old)
            with self.lock:
                settle(self.known, m["id"], "committed")
                for i in old:
                    self.known.pop(i, None)
            self.ev.emit("notified", m["id"])
        elif m["t"] == "abort":  # its transactions stay prepared and commit with the next checkpoint
            with self.lock:
                settle(self.known, m["id"], "aborted")
            self.ev.emit("aborted", m["id"], cause=m["cause"])

    def step(self):
        """Reads what is new in every partition, applies it, flushes the output; True if there was any."""
        got = 0
        for p, offset in list(self.positions.items()):
            answer = call(self.cfg["inputLog"], "GET", f"/partitions/{p}/records?from={offset}&max={self.batch}")
            for rec in answer["records"]:
                count, total = self.state.get(rec["key"], (0, 0))
                self.state[rec["key"]] = count, total = count + 1, total + rec["value"]
                self.buffer.append({"partition": int(p), "offset": rec["offset"], "key": rec["key"],
                                    "value": rec["value"], "count": count, "sum": total})
                self.positions[p] = rec["offset"] + 1
            got += len(answer["records"])
        self.read_total += got
        self.flush()
        return got > 0

    def flush(self):
        if self.buffer:
            self.seq += 1
            txn = f"{self.owner}-{self.epoch}-{self.seq:06d}"  # sorts in creation order, as the store lists
            store = self.cfg["outputStore"]
            call(store, "POST", f"/transactions/{txn}/records?owner={self.owner}", self.buffer)
            call(store, "POST", f"/transactions/{txn}/prepare", {"owner": self.node, "checkpoint": self.tag})
            self.prepared.append((self.tag, txn))
            self.buffer = []

    def snapshot(self, cid, triggered_at):
        self.flush()  # all output before the cut is now in transactions tagged <= cid
        payload = {"positions": dict(self.positions),
                   "state": {k: {"count": c, "sum": s} for k, (c, s) in self.state.items()}}
        data = encode_part(payload)
        make_dir_durably(os.path.dirname(self.part_path(cid)))
        write_durably(self.part_path(cid), data)
        self.ev.emit("snapshot-written", cid, bytes=len(data))
        with self.lock:
            self.known[cid] = view(cid, None, "pending", triggered_at, [self.node], size=len(data))
        part = {"node": self.node, "file": f"checkpoints/{cid}/{self.node}.part", "sizeBytes": len(data),
                "crc32c": crc32c(data)}
        self.link.send({"t": "ack", "epoch": self.epoch, "id": cid, "part": part, "positions": payload["positions"]})
        self.ev.emit("ack-sent", cid)
        self.tag = cid + 1

    def restore(self, epoch, r, part):
        self.running, self.status, self.epoch, self.restored_epoch = False, "recovering", epoch, None
        self.ev.emit("restore-started", r, checkpoint=r)
        n = call(self.cfg["inputLog"], "GET", "/partitions")["partitions"]
        positions, state = {str(p): 0 for p in range(n)}, {}
        if r is not None:
            try:
                with open(self.part_path(r), "rb") as f:
                    payload = decode_part(f.read(), part)
                positions.update(payload["positions"])
                state = {k: (v["count"], v["sum"]) for k, v in payload["state"].items()}
            except (OSError, ValueError, KeyError, TypeError, CorruptPart) as e:
                return self.link.send({"t": "restore-failed", "epoch": epoch, "checkpoint": r, "cause": str(e)})
        store = self.cfg["outputStore"]  # settle what the previous run left: only what r covers is output
        for txn in call(store, "GET", f"/transactions?owner={self.owner}&state=prepared"):
            covered = r is not None and txn["checkpoint"] is not None and txn["checkpoint"] <= r
            # the defect: output r does not cover is committed too, and the replay from r repeats it
            call(store, "POST", f"/transactions/{txn['txn']}/{'commit' if covered or self.recommit else 'abort'}", {})
        for txn in call(store, "GET", f"/transactions?owner={self.owner}&state=open"):
            call(store, "POST", f"/transactions/{txn['txn']}/abort", {})
        remove_checkpoints(self.root, [i for i in checkpoint_ids(self.root) if r is None or i > r])
        self.positions, self.state, self.buffer, self.prepared, self.tag, self.seq = positions, state, [], [], (r or 0) + 1, 0
        self.restored_from, self.restored_epoch = r, epoch
        self.ev.emit("restored", r)
        self.link.send({"t": "restored", "epoch": epoch, "checkpoint": r})

    def content(self, cid):
        try:
            with open(self.part_path(cid), "rb") as f:
                payload = decode_part(f.read())  # CorruptPart: 500
        except FileNotFoundError:
            return None
        return {"id": cid, "node": self.node, "positions": payload["positions"], "state": payload["state"],
                "channels": {}}

    def trigger(self, reason):
        raise Refused("only the coordinator triggers checkpoints")

    def triggers(self):
        return {k: self.cfg["checkpoint"][k] for k in ("intervalMs", "everyRecords")}

    def set_triggers(self, new):
        raise Refused("only the coordinator has triggers")
