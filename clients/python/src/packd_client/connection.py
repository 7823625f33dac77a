"""One JSON-RPC connection over the daemon's Unix socket: requests wait for their answer, and notifications that arrive
meanwhile are queued for whoever iterates them (the client is synchronous: one thread reads the socket at a time)."""

from __future__ import annotations

import collections
import itertools
import socket
import time
from typing import Any, Deque, Dict, List, Optional, Tuple

from .errors import ConnectionLostError, FramingError, PackdTimeoutError, ProtocolMismatchError, RpcError
from .framing import FrameReader, encode_message, read_message
from .protocol import ErrorCodes

RECEIVE_BYTES = 64 * 1024


class Connection:
    def __init__(self, sock: socket.socket) -> None:
        self._socket = sock
        self._reader = FrameReader()
        self._pending: List[Dict[str, Any]] = []
        self._ids = itertools.count(1)
        self._deadline: Optional[float] = None
        self._broken: Optional[str] = None
        self.notifications: Deque[Tuple[str, Dict[str, Any]]] = collections.deque()

    @classmethod
    def open(cls, socket_path: str, timeout: float) -> "Connection":
        """Raises OSError when nothing listens there (a stale socket file is detected this way, never by its age)."""
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            sock.settimeout(timeout)
            sock.connect(socket_path)
        except BaseException:
            sock.close()
            raise
        return cls(sock)

    def close(self) -> None:
        self._socket.close()

    def request(self, method: str, params: Dict[str, Any], timeout: Optional[float]) -> Any:
        """Sends one request and returns its result; notifications received before the answer are queued."""
        request_id = next(self._ids)
        self._send({"jsonrpc": "2.0", "id": request_id, "method": method, "params": params})
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            message = self._next_message(deadline, f"the answer to '{method}'")
            if "method" in message:
                if "id" not in message:
                    self.notifications.append((str(message["method"]), message.get("params") or {}))
                else:
                    # The daemon sends no requests of its own today; answer LSP-style so it is never left waiting.
                    self._send({"jsonrpc": "2.0", "id": message["id"],
                                "error": {"code": ErrorCodes.METHOD_NOT_FOUND, "message": "packd_client serves no methods"}})
                continue
            if message.get("id") != request_id:
                continue  # an answer to a request abandoned after a timeout
            error = message.get("error")
            if error is not None:
                kind = ProtocolMismatchError if error.get("code") == ErrorCodes.PROTOCOL_MISMATCH else RpcError
                raise kind(method, int(error.get("code", 0)), str(error.get("message", "")), error.get("data"))
            return message.get("result")

    def next_notification(self, timeout: Optional[float]) -> Tuple[str, Dict[str, Any]]:
        """The oldest queued notification, or the next one to arrive; PackdTimeoutError after ``timeout`` seconds."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while not self.notifications:
            message = self._next_message(deadline, "a notification")
            if "method" in message and "id" not in message:
                self.notifications.append((str(message["method"]), message.get("params") or {}))
        return self.notifications.popleft()

    def _send(self, message: Dict[str, Any]) -> None:
        self._check_usable()
        try:
            self._socket.sendall(encode_message(message))
        except OSError as error:
            raise ConnectionLostError(f"could not send to the daemon: {error}") from error

    def _next_message(self, deadline: Optional[float], waiting_for: str) -> Dict[str, Any]:
        self._deadline = deadline
        try:
            return read_message(self._reader, self._pending, lambda: self._receive(waiting_for))
        except (FramingError, ConnectionLostError) as error:
            # A stream out of step cannot be resynchronised: the connection is done, and says why on every later use.
            self._broken = str(error)
            self._socket.close()
            raise

    def _check_usable(self) -> None:
        if self._broken is not None:
            raise ConnectionLostError(f"the connection to the daemon is closed ({self._broken}); connect again")

    def _receive(self, waiting_for: str) -> bytes:
        self._check_usable()
        remaining = None if self._deadline is None else self._deadline - time.monotonic()
        if remaining is not None and remaining <= 0:
            raise PackdTimeoutError(f"the daemon sent no {waiting_for} in time")
        self._socket.settimeout(remaining)
        try:
            return self._socket.recv(RECEIVE_BYTES)
        except socket.timeout as error:
            raise PackdTimeoutError(f"the daemon sent no {waiting_for} in time") from error
        except OSError as error:
            raise ConnectionLostError(f"the connection to the daemon broke: {error}") from error
