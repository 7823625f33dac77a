"""Client: a connection to the user's packd daemon, found through daemon.json and started through packd when absent."""

from __future__ import annotations

import collections
import os
import signal
import threading
import time
from typing import Any, Deque, Dict, Iterator, Optional, Set

from . import __version__
from .connection import Connection
from .discovery import RuntimeDirectory, build_hash_next_to, find_packd
from .errors import DaemonUnavailableError, OtherProtocolDaemonError, PackdError, ProtocolMismatchError
from .protocol import (PROTOCOL_VERSION, BuildReport, ExplainResult, InitializeResult, Methods, Notification,
                       ShutdownResult, StatusResult, WorkspaceStatus, parse_notification)
from .starter import ensure_runtime_directory, spawn_lock, start_daemon

CONNECT_TIMEOUT = 2.0
INITIALIZE_TIMEOUT = 5.0  # generous: a busy daemon answers at once, but a GC pause must not look like death
START_TIMEOUT = 10.0
BUILD_TIMEOUT = 600.0  # a delegated build may run a slow backend
REQUEST_TIMEOUT = 60.0
STOP_TIMEOUT = 30.0  # a daemon lets in-flight builds finish before it exits


def _terminate_and_wait(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    _wait_for_exit(pid)


def _wait_for_exit(pid: int) -> None:
    deadline = time.monotonic() + STOP_TIMEOUT
    while _process_exists(pid):
        if time.monotonic() >= deadline:
            raise DaemonUnavailableError(f"the running daemon (pid {pid}) did not stop within {STOP_TIMEOUT:.0f} s; "
                                         f"stop it with 'kill {pid}'")
        time.sleep(0.05)  # it is usually not our child: kill(pid, 0) polling is the portable way to wait


def _process_exists(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A zombie (our own exited child not yet reaped) has stopped serving: count it as gone.
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat:
            return stat.read().rsplit(b")", 1)[1].split()[0] != b"Z"
    except (OSError, IndexError):
        return True


class Client:
    """Use ``Client.connect()`` (or ``Client.connect(start=False)`` to only use a running daemon), as a context manager.
    One connection, used from one thread at a time: requests and the notification iterator read the same socket."""

    def __init__(self, connection: Connection, daemon: InitializeResult, runtime: RuntimeDirectory) -> None:
        self._connection = connection
        self.daemon = daemon
        self.runtime = runtime
        self._subscribed: Set[str] = set()
        self._backlog: Dict[str, Deque[Notification]] = {}

    # --- connecting -----------------------------------------------------------------------------------------------

    @classmethod
    def connect(cls, *, start: bool = True, packd_exe: Optional[str] = None,
                runtime_dir: Optional[str] = None, client_name: str = "packd_client") -> "Client":
        """The daemon of this user. With ``start``, one is started through packd (``packd_exe``, else $PACKD_EXE, else
        PATH) when none answers. Raises DaemonUnavailableError or RuntimeDirectoryError, whose messages name the fix."""
        runtime = RuntimeDirectory(os.path.abspath(runtime_dir)) if runtime_dir else RuntimeDirectory.resolve()
        if not start:
            client = cls._probe(runtime, client_name)
            if client is None:
                raise DaemonUnavailableError(f"no packd daemon is running (looked in '{runtime.path}')")
            return client
        packd = find_packd(packd_exe)
        expected = build_hash_next_to(packd)
        try:
            client = cls._probe(runtime, client_name)
            if client is not None and client._is_build(expected):
                return client
            if client is not None:
                client.close()
        except OtherProtocolDaemonError:
            pass  # replaced below, under the spawn lock
        ensure_runtime_directory(runtime)
        with spawn_lock(runtime):
            # Whoever held the lock before us may have started (or replaced) it already.
            try:
                client = cls._probe(runtime, client_name)
            except OtherProtocolDaemonError as other:
                # It refuses every method before initialize, shutdown included: SIGTERM is the request it understands.
                if other.pid is not None:
                    _terminate_and_wait(other.pid)
                client = None
            if client is not None and client._is_build(expected):
                return client
            if client is not None:
                # Another build than the packd we would start: replace it, so there is never silent version skew.
                client._shutdown_and_wait()
            return cls._start_and_connect(packd, runtime, client_name)

    def _is_build(self, expected_hash: Optional[str]) -> bool:
        return expected_hash is None or self.daemon.daemon_build.rpartition("+")[2] == expected_hash

    def _shutdown_and_wait(self) -> None:
        pid = self.daemon.pid
        try:
            self.shutdown()
        except PackdError:
            pass  # already stopping (1004) or gone: what follows waits for the process either way
        finally:
            self.close()
        _wait_for_exit(pid)

    @classmethod
    def _probe(cls, runtime: RuntimeDirectory, client_name: str) -> Optional["Client"]:
        if not runtime.exists():
            return None
        runtime.verify()
        info = runtime.read_info()
        if info is None:
            return None
        try:
            connection = Connection.open(info.socket, CONNECT_TIMEOUT)
        except OSError:
            return None  # daemon.json outlived its daemon: a failed connection says so
        try:
            result = connection.request(Methods.INITIALIZE, {"protocolVersion": PROTOCOL_VERSION, "clientName": client_name,
                                                             "clientVersion": __version__}, INITIALIZE_TIMEOUT)
            return cls(connection, InitializeResult.from_json(result), runtime)
        except ProtocolMismatchError as error:
            connection.close()
            data = error.data if isinstance(error.data, dict) else {}
            pid = data.get("pid") if isinstance(data.get("pid"), int) else None
            raise OtherProtocolDaemonError(
                f"the running daemon (pid {pid}) speaks protocol {data.get('protocolVersion', '?')}, packd_client speaks "
                f"{PROTOCOL_VERSION}; Client.connect() replaces it, or stop it with 'kill {pid}'", pid) from error
        except PackdError:
            connection.close()
            return None

    @classmethod
    def _start_and_connect(cls, packd: str, runtime: RuntimeDirectory, client_name: str) -> "Client":
        process = start_daemon(packd, runtime)
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            client = cls._probe(runtime, client_name)
            if client is not None:
                # The daemon stays our child until it exits; reap it then, so a long-lived caller keeps no zombie.
                threading.Thread(target=process.wait, name="packd-daemon-reaper", daemon=True).start()
                return client
            code = process.poll()
            if code not in (None, 0):
                raise DaemonUnavailableError(f"the daemon exited with code {code}; see {runtime.log_path}")
            if time.monotonic() >= deadline:
                raise DaemonUnavailableError(f"the daemon did not answer within {START_TIMEOUT:.0f} s; see {runtime.log_path}")
            time.sleep(0.05)  # polling the socket: the daemon gives no other sign that it listens

    def close(self) -> None:
        self._connection.close()

    def __enter__(self) -> "Client":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    # --- methods --------------------------------------------------------------------------------------------------

    def request(self, method: str, params: Optional[Dict[str, Any]] = None, timeout: Optional[float] = REQUEST_TIMEOUT) -> Any:
        """Any method by name (the typed ones below are preferred); raises RpcError with the daemon's code."""
        return self._connection.request(method, params or {}, timeout)

    def status(self) -> StatusResult:
        return StatusResult.from_json(self.request(Methods.STATUS))

    def build(self, root: str, *, wheel: bool = True, sdist: bool = True, output_directory: Optional[str] = None,
              timeout: Optional[float] = BUILD_TIMEOUT) -> BuildReport:
        """Brings the project's artifacts up to date. A build that fails on the user's input returns
        ``succeeded=False`` with diagnostics; it is not an exception."""
        params: Dict[str, Any] = {"root": os.path.abspath(root), "wheel": wheel, "sdist": sdist}
        if output_directory is not None:
            params["outputDirectory"] = os.path.abspath(output_directory)
        return BuildReport.from_json(self.request(Methods.BUILD, params, timeout))

    def explain(self, root: str, path: str) -> ExplainResult:
        return ExplainResult.from_json(self.request(Methods.EXPLAIN, {"root": os.path.abspath(root), "path": path}))

    def open_workspace(self, root: str, *, subscribe: bool = False) -> WorkspaceStatus:
        root = os.path.abspath(root)
        status = WorkspaceStatus.from_json(self.request(Methods.WORKSPACE_OPEN, {"root": root, "subscribe": subscribe}))
        if subscribe:
            self._subscribed.add(root)
        return status

    def close_workspace(self, root: str) -> None:
        root = os.path.abspath(root)
        self.request(Methods.WORKSPACE_CLOSE, {"root": root})
        self._subscribed.discard(root)
        self._backlog.pop(root, None)

    def rescan(self, root: str) -> WorkspaceStatus:
        return WorkspaceStatus.from_json(self.request(Methods.WORKSPACE_RESCAN, {"root": os.path.abspath(root)}))

    def shutdown(self) -> ShutdownResult:
        """Asks the daemon to finish in-flight builds and exit."""
        return ShutdownResult.from_json(self.request(Methods.SHUTDOWN))

    def subscribe(self, root: str, *, timeout: Optional[float] = None) -> Iterator[Notification]:
        """Opens the workspace with notifications (once per connection) and yields its build/started, build/finished
        and diagnostics/changed, forever. Each wait is bounded by ``timeout`` seconds (PackdTimeoutError, which ends
        that iterator; call subscribe again for a new one), so ``for n in client.subscribe(root, timeout=30)`` cannot
        hang. Requests may be made between iterations. Notifications of the connection's other subscribed workspaces
        are kept for their own iterators."""
        root = os.path.abspath(root)
        if root not in self._subscribed:
            self.open_workspace(root, subscribe=True)
        return self._notifications(root, timeout)

    def _notifications(self, root: str, timeout: Optional[float]) -> Iterator[Notification]:
        backlog = self._backlog.setdefault(root, collections.deque())
        while True:
            if backlog:
                yield backlog.popleft()
                continue
            method, params = self._connection.next_notification(timeout)
            notification = parse_notification(method, params)
            if notification is None:
                continue  # a notification this client does not know (a newer daemon may send more)
            if notification.root == root:
                yield notification
            elif notification.root in self._subscribed:
                self._backlog.setdefault(notification.root, collections.deque()).append(notification)


__all__ = ["Client"]
