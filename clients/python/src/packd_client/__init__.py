"""packd_client: a standard-library client of the packd daemon (docs/protocol.md) and, in ``packd_client.backend``,
a PEP 517/660 build backend served by it."""

__version__ = "0.1.0"

from .client import Client  # noqa: E402  (after __version__, which client.py reads)
from .errors import (BuildFailedError, ConnectionLostError, DaemonUnavailableError, FramingError, PackdError,  # noqa: E402
                     OtherProtocolDaemonError, PackdTimeoutError, ProtocolMismatchError, RpcError, RuntimeDirectoryError)
from .protocol import (BuildFinished, BuildReport, BuildStarted, Diagnostic, DiagnosticsChanged, ExplainResult,  # noqa: E402
                       InitializeResult, StatusResult, WorkspaceStatus)

__all__ = [
    "Client", "PackdError", "RuntimeDirectoryError", "DaemonUnavailableError", "OtherProtocolDaemonError", "FramingError", "ConnectionLostError",
    "PackdTimeoutError", "RpcError", "ProtocolMismatchError", "BuildFailedError", "BuildReport", "BuildStarted",
    "BuildFinished", "DiagnosticsChanged", "Diagnostic", "ExplainResult", "InitializeResult", "StatusResult",
    "WorkspaceStatus",
]
