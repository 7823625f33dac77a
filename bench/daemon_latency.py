#!/usr/bin/env python3
"""Save-to-wheel latency of the packd daemon on one tree, beside hatchling's full rebuild of the same tree.

    daemon_latency.py --daemon PATH/packd-daemon --tree DIR [--edits 50] [--seed 1] [--peer-rounds 3]

Starts a private daemon (its own PACKD_RUNTIME_DIR), opens the tree as a subscribed workspace, then edits one
Python file at a time. Latency runs from the moment the edited file is closed to the `build/finished` notification,
which the daemon sends after the new wheel was renamed into place, so it includes the settle window, the build and
the notification. Also measured: a no-op touch (must rewrite nothing), a cold daemon start, the first build, a warm
restart from .packd_cache/, and the daemon's RSS. Prints one JSON object on stdout.

Only the standard library: the framing is the LSP one (Content-Length), see docs/protocol.md.
"""

import argparse
import json
import os
import queue
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time

PROTOCOL_VERSION = 1


class Connection:
    """A minimal JSON-RPC client: requests wait for their response; notifications go to a queue."""

    def __init__(self, path, timeout=120.0):
        deadline = time.monotonic() + timeout
        while True:
            try:
                self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
                self.sock.connect(path)
                break
            except OSError:
                self.sock.close()
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.01)
        self.reader = self.sock.makefile("rb")
        self.next_id = 0
        self.pending = {}
        self.notifications = queue.Queue()
        self.lock = threading.Lock()
        threading.Thread(target=self._read_loop, daemon=True).start()

    def _read_loop(self):
        try:
            while True:
                length = None
                while True:
                    line = self.reader.readline()
                    if not line:
                        raise EOFError
                    line = line.strip()
                    if not line:
                        break
                    name, _, value = line.decode("ascii").partition(":")
                    if name.lower() == "content-length":
                        length = int(value)
                message = json.loads(self.reader.read(length))
                if "id" in message and message["id"] in self.pending:
                    self.pending.pop(message["id"]).put(message)
                elif "method" in message:
                    self.notifications.put(message)
        except (EOFError, OSError, ValueError):
            for waiter in list(self.pending.values()):
                waiter.put({"error": {"code": -1, "message": "connection closed"}})

    def request(self, method, params, timeout=300.0):
        with self.lock:
            self.next_id += 1
            rid = self.next_id
            waiter = queue.Queue()
            self.pending[rid] = waiter
            body = json.dumps({"jsonrpc": "2.0", "id": rid, "method": method, "params": params}).encode()
            self.sock.sendall(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        message = waiter.get(timeout=timeout)
        if "error" in message:
            raise RuntimeError(f"{method}: {message['error']}")
        return message["result"]

    def wait_notification(self, method, predicate=lambda p: True, timeout=60.0):
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError(f"no {method} within {timeout}s")
            message = self.notifications.get(timeout=remaining)
            if message["method"] == method and predicate(message["params"]):
                return message["params"], time.monotonic()

    def close(self):
        self.sock.close()


def rss_kb(pid):
    values = {}
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            key, _, rest = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                values[key] = int(rest.split()[0])
    return values


class Daemon:
    def __init__(self, exe, runtime_dir, log):
        self.exe, self.runtime_dir, self.log = exe, runtime_dir, log
        self.proc = None

    def start(self):
        env = dict(os.environ, PACKD_RUNTIME_DIR=self.runtime_dir)
        started = time.monotonic()
        self.proc = subprocess.Popen([self.exe], env=env, stdout=self.log, stderr=subprocess.STDOUT)
        conn = Connection(os.path.join(self.runtime_dir, "packd.sock"))
        conn.request("initialize", {"protocolVersion": PROTOCOL_VERSION, "clientName": "bench"})
        return conn, time.monotonic() - started

    def stop(self, conn):
        try:
            conn.request("shutdown", {}, timeout=60)
        except (RuntimeError, queue.Empty):
            pass
        conn.close()
        self.proc.wait(timeout=60)


def wheel_of(report):
    return next(a for a in report["artifacts"] if a["kind"] == "wheel")


def python_files(tree):
    found = []
    for base, dirs, files in os.walk(tree):
        dirs[:] = [d for d in dirs if d not in (".packd_cache", "dist", "__pycache__", ".git")]
        found += [os.path.join(base, f) for f in files if f.endswith(".py")]
    return sorted(found)


def hatchling_rebuild(tree, rounds, scratch):
    times = []
    peer = os.path.join(os.path.dirname(os.path.abspath(__file__)), "peer_build.py")
    for _ in range(rounds):
        out = tempfile.mkdtemp(dir=scratch)
        started = time.monotonic()
        subprocess.run(["/usr/bin/python3", peer, "hatchling", tree, out], check=True, stdout=subprocess.DEVNULL)
        times.append(time.monotonic() - started)
        shutil.rmtree(out)
    return statistics.median(times)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--daemon", required=True)
    ap.add_argument("--tree", required=True)
    ap.add_argument("--edits", type=int, default=50)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--peer-rounds", type=int, default=3)
    ap.add_argument("--log", default=os.devnull)
    args = ap.parse_args()
    tree = os.path.abspath(args.tree)
    shutil.rmtree(os.path.join(tree, ".packd_cache"), ignore_errors=True)
    shutil.rmtree(os.path.join(tree, "dist"), ignore_errors=True)
    scratch = tempfile.mkdtemp(prefix="pdb-", dir="/tmp")
    runtime = os.path.join(scratch, "rt")
    result = {"tree": os.path.basename(tree)}
    with open(args.log, "ab") as log:
        daemon = Daemon(args.daemon, runtime, log)
        conn, result["cold_start_s"] = daemon.start()
        started = time.monotonic()
        conn.request("workspace/open", {"root": tree, "subscribe": True})
        first, _ = conn.wait_notification("build/finished", timeout=600)
        result["first_build_s"] = time.monotonic() - started
        if not first["succeeded"]:
            sys.exit(f"first build failed: {first['diagnostics']}")
        generation = first["generation"]

        rng = random.Random(args.seed)
        files = rng.sample(python_files(tree), min(args.edits, len(python_files(tree))))
        latencies = []
        timings = []
        for i, path in enumerate(files):
            with open(path, "a") as f:
                f.write(f"\n# packd bench edit {i}\n")
            saved = time.monotonic()
            report, received = conn.wait_notification(
                "build/finished", lambda p: p["generation"] > generation and not p["upToDate"], timeout=60)
            if not report["succeeded"]:
                sys.exit(f"build failed after editing {path}: {report['diagnostics']}")
            generation = report["generation"]
            latencies.append(received - saved)
            timings.append(report["timings"])
        latencies.sort()
        result["edits"] = len(latencies)
        result["save_to_wheel_p50_ms"] = round(statistics.median(latencies) * 1000, 1)
        result["save_to_wheel_p95_ms"] = round(latencies[max(0, int(len(latencies) * 0.95) - 1)] * 1000, 1)
        # Where a save's build time goes: the median of each phase the daemon reported.
        result["build_phase_p50_ms"] = {k: statistics.median(t[k] for t in timings) for k in timings[0]}

        # A touch changes only the mtime: the daemon may reconcile, but must not rewrite the wheel.
        wheel = wheel_of(report)["path"]
        before = os.stat(wheel)
        os.utime(files[0])
        touched = time.monotonic()
        try:
            noop, received = conn.wait_notification("build/finished", timeout=5)
            result["noop_touch_ms"] = round((received - touched) * 1000, 1)
            result["noop_touch_up_to_date"] = noop["upToDate"]
        except (TimeoutError, queue.Empty):
            result["noop_touch_ms"] = None
            result["noop_touch_up_to_date"] = True
        after = os.stat(wheel)
        result["noop_touch_rewrote_wheel"] = (before.st_ino, before.st_mtime_ns) != (after.st_ino, after.st_mtime_ns)

        memory = rss_kb(daemon.proc.pid)
        result["rss_mb"] = round(memory["VmRSS"] / 1024, 1)
        result["peak_rss_mb"] = round(memory["VmHWM"] / 1024, 1)
        daemon.stop(conn)

        # Warm restart: a new daemon opens the same tree and finds .packd_cache/.
        conn, result["warm_start_s"] = daemon.start()
        started = time.monotonic()
        conn.request("workspace/open", {"root": tree, "subscribe": True})
        warm, _ = conn.wait_notification("build/finished", timeout=600)
        result["warm_first_build_s"] = time.monotonic() - started
        result["warm_first_build_up_to_date"] = warm["upToDate"]
        daemon.stop(conn)

    result["hatchling_full_rebuild_s"] = round(hatchling_rebuild(tree, args.peer_rounds, scratch), 3)
    shutil.rmtree(scratch, ignore_errors=True)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
