"""Shared by both roles: durable files and the part format (PROTOCOL.md section 4), the event log
(section 2), the coordinator link, and calls to the harness's services (section 5)."""
import http.client
import json
import os
import shutil
import socket
import struct
import sys
import threading
import time
import urllib.parse


class Refused(Exception):
    """The node cannot do this now: 409."""


class BadRequest(Exception):
    """The request is malformed: 400."""


class CorruptPart(Exception):
    """A part that fails its header, its checksum or the metadata's record of it."""


def now_ms():
    return int(time.time() * 1000)


def log(node, text):
    print(f"{time.strftime('%H:%M:%S')} {node}: {text}", file=sys.stderr, flush=True)


def fsync_dir(path):
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_durably(path, data):
    """F.tmp, fsync, rename to F, fsync the directory: after a crash F is the old file or the whole new one."""
    with open(path + ".tmp", "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    os.replace(path + ".tmp", path)
    fsync_dir(os.path.dirname(path))


def make_dir_durably(path):
    if not os.path.isdir(path):
        os.makedirs(path, exist_ok=True)
        fsync_dir(os.path.dirname(path))  # a new directory's name is durable once its parent is fsynced


def checkpoint_ids(root):
    return sorted(int(n) for n in os.listdir(root) if n.isdigit())


def remove_checkpoints(root, ids):
    for i in ids:
        shutil.rmtree(os.path.join(root, str(i)), ignore_errors=True)


# CRC32C (Castagnoli), as the reference systems use; zlib only has plain CRC32. Parts are small.
_TABLE = []
for _n in range(256):
    for _ in range(8):
        _n = (_n >> 1) ^ 0x82F63B78 if _n & 1 else _n >> 1
    _TABLE.append(_n)


def crc32c(data):
    c = 0xFFFFFFFF
    for b in data:
        c = _TABLE[(c ^ b) & 0xFF] ^ (c >> 8)
    return c ^ 0xFFFFFFFF


# Part file, format version 1 (big-endian): magic "CCPT", version 1, payload length, CRC32C of it; payload.
_HEADER, _MAGIC = struct.Struct(">IIqI"), 0x43435054


def encode_part(payload):
    body = json.dumps(payload, sort_keys=True).encode()
    return _HEADER.pack(_MAGIC, 1, len(body), crc32c(body)) + body


def decode_part(data, expected=None):
    """The payload; `expected` is the metadata's {sizeBytes, crc32c} of the whole file, if known."""
    if expected and (len(data) != expected["sizeBytes"] or crc32c(data) != expected["crc32c"]):
        raise CorruptPart("part does not match the size and checksum in the metadata")
    if len(data) < _HEADER.size:
        raise CorruptPart("part shorter than its header")
    magic, version, length, crc = _HEADER.unpack_from(data)
    body = data[_HEADER.size:]
    if magic != _MAGIC or version != 1 or length != len(body) or crc32c(body) != crc:
        raise CorruptPart("torn or corrupt part")
    return json.loads(body)


class Events:
    """This incarnation's events, seq from 0; the newest 100 000 at least are kept."""

    def __init__(self, node):
        self.node, self.lock, self.items, self.first = node, threading.Lock(), [], 0  # first: seq of items[0]

    def emit(self, kind, checkpoint=None, /, **detail):  # detail may hold a "checkpoint" too
        with self.lock:
            self.items.append({"seq": self.first + len(self.items), "node": self.node, "time": now_ms(),
                               "type": kind, "checkpoint": checkpoint, "detail": detail})
            if len(self.items) > 110_000:
                del self.items[:10_000]
                self.first += 10_000
        log(self.node, f"{kind} {'' if checkpoint is None else checkpoint} {json.dumps(detail)}")

    def page(self, since, limit):
        with self.lock:
            start = max(since - self.first, 0)
            page = self.items[start:start + limit]
            end = self.first + len(self.items)
            return page, page[-1]["seq"] + 1 if page else min(max(since, self.first), end)


class Link:
    """One TCP connection between worker and coordinator, one JSON object per line each way. A
    reader thread hands each message to on_message, and calls on_closed once the connection ends.
    Messages are a few bytes, so the kernel's buffers absorb them while a peer is paused or
    partitioned, and send never blocks for long."""

    def __init__(self, sock, on_message, on_closed):
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.sock, self.lock, self.closed = sock, threading.Lock(), False
        self.last_recv, self.node, self.read = time.monotonic(), None, None  # read: see the coordinator
        threading.Thread(target=self._read, args=(on_message, on_closed), daemon=True).start()

    def send(self, message):
        try:
            with self.lock:
                self.sock.sendall((json.dumps(message) + "\n").encode())
        except OSError:
            self.close()

    def close(self):
        self.closed = True
        try:
            self.sock.shutdown(socket.SHUT_RDWR)  # wakes the reader
        except OSError:
            pass

    def _read(self, on_message, on_closed):
        try:
            for line in self.sock.makefile("rb"):
                self.last_recv = time.monotonic()
                on_message(self, json.loads(line))
        except (OSError, ValueError):
            pass
        self.close()
        self.sock.close()
        on_closed(self)


def call(base, method, path, body=None):
    """One JSON call to the input log or the output store (a fresh connection each: they are local
    and never partitioned); raises OSError on no answer or a non-2xx one."""
    url = urllib.parse.urlsplit(base)
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=10)
    try:
        conn.request(method, path, None if body is None else json.dumps(body).encode(),
                     {"Content-Type": "application/json"})
        resp = conn.getresponse()
        raw = resp.read()
    except http.client.HTTPException as e:
        raise OSError(f"{method} {path}: {e}") from e
    finally:
        conn.close()
    if resp.status >= 300:
        raise OSError(f"{method} {path}: {resp.status} {raw[:200].decode(errors='replace')}")
    return json.loads(raw) if raw else None
