"""The exceptions of packd_client: one root, PackdError, so a caller can catch everything packd with one clause."""

from __future__ import annotations

from typing import Any, Optional


class PackdError(Exception):
    """The root of every error this package raises."""


class RuntimeDirectoryError(PackdError):
    """The runtime folder is unsafe to trust (a symlink, not ours, group/other-writable) or unusable."""


class DaemonUnavailableError(PackdError):
    """No daemon could be reached, and none could be started (the message says why and what to do)."""


class OtherProtocolDaemonError(DaemonUnavailableError):
    """The running daemon speaks another protocol version (``pid`` is its process; None when it did not say)."""

    def __init__(self, message: str, pid: Optional[int]) -> None:
        super().__init__(message)
        self.pid = pid


class FramingError(PackdError):
    """The byte stream broke the Content-Length framing or did not carry a JSON-RPC object."""


class ConnectionLostError(PackdError):
    """The daemon closed the connection (or it broke) before the expected message arrived."""


class PackdTimeoutError(PackdError, TimeoutError):
    """Nothing arrived from the daemon within the time allowed."""


class RpcError(PackdError):
    """The daemon answered a request with a JSON-RPC error (codes in protocol.ErrorCodes)."""

    def __init__(self, method: str, code: int, message: str, data: Optional[Any] = None) -> None:
        super().__init__(f"{method}: error {code}: {message}")
        self.method = method
        self.code = code
        self.rpc_message = message
        self.data = data


class ProtocolMismatchError(RpcError):
    """The daemon speaks another protocol version; ``data`` is its InitializeResult as JSON."""


class BuildFailedError(PackdError):
    """A build finished without the requested artifact (the message lists the diagnostics)."""
