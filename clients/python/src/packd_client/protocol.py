"""The packd protocol (version 1), mirrored from docs/protocol.md.

This is the ONE Python file that mirrors the catalogue: method names, error codes and the typed results. A change to
docs/protocol.md (and src/PackDaemon.Protocol) changes this file in the same commit. Results arrive as camelCase JSON;
each dataclass has a ``from_json`` that reads it, treats absent optional properties as None, and ignores properties it
does not know (the daemon may add optional ones without a version bump).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Dict, List, Mapping, Optional, Tuple, Union

PROTOCOL_VERSION = 1
MAX_FRAME_BYTES = 16 * 1024 * 1024


class Methods:
    """Every JSON-RPC method and notification name."""

    INITIALIZE = "initialize"
    SHUTDOWN = "shutdown"
    WORKSPACE_OPEN = "workspace/open"
    WORKSPACE_CLOSE = "workspace/close"
    WORKSPACE_RESCAN = "workspace/rescan"
    BUILD = "build"
    STATUS = "status"
    EXPLAIN = "explain"
    # Notifications, daemon to client.
    BUILD_STARTED = "build/started"
    BUILD_FINISHED = "build/finished"
    DIAGNOSTICS_CHANGED = "diagnostics/changed"


class ErrorCodes:
    """JSON-RPC's own codes, then packd's application codes (1000 and up)."""

    PARSE_ERROR = -32700
    INVALID_REQUEST = -32600
    METHOD_NOT_FOUND = -32601
    INVALID_PARAMS = -32602
    INTERNAL_ERROR = -32603
    PROTOCOL_MISMATCH = 1001
    NOT_INITIALIZED = 1002
    NOT_A_PROJECT = 1003
    SHUTTING_DOWN = 1004
    BUILD_CANCELLED = 1005


class WorkspaceStates:
    IDLE = "idle"
    SETTLING = "settling"
    BUILDING = "building"
    WAITING_FOR_GIT = "waiting-for-git"
    FAILED = "failed"


Json = Mapping[str, Any]


def _list(value: Any) -> List[Any]:
    return list(value) if isinstance(value, list) else []


@dataclass(frozen=True)
class DaemonInfo:
    """The content of ``daemon.json`` in the runtime folder."""

    pid: int
    version: str
    build: str
    protocol_version: int
    socket: str
    started_at: str

    @classmethod
    def from_json(cls, j: Json) -> "DaemonInfo":
        return cls(int(j["pid"]), str(j.get("version", "")), str(j.get("build", "")),
                   int(j["protocolVersion"]), str(j["socket"]), str(j.get("startedAt", "")))


@dataclass(frozen=True)
class InitializeResult:
    protocol_version: int
    daemon_version: str
    daemon_build: str
    pid: int
    started_at: str

    @classmethod
    def from_json(cls, j: Json) -> "InitializeResult":
        return cls(int(j["protocolVersion"]), str(j["daemonVersion"]), str(j.get("daemonBuild", "")),
                   int(j["pid"]), str(j.get("startedAt", "")))


@dataclass(frozen=True)
class Diagnostic:
    """One finding about the user's input. ``file`` is relative to the root with ``/``; line/column 1-based, 0 unknown."""

    code: str
    severity: str
    message: str
    file: Optional[str]
    line: int
    column: int
    fix: Optional[str]

    @classmethod
    def from_json(cls, j: Json) -> "Diagnostic":
        return cls(str(j["code"]), str(j["severity"]), str(j["message"]), j.get("file"),
                   int(j.get("line", 0)), int(j.get("column", 0)), j.get("fix"))

    def __str__(self) -> str:
        where = self.file or "(project)"
        if self.line:
            where += f":{self.line}:{self.column}" if self.column else f":{self.line}"
        text = f"{where}: {self.severity} {self.code}: {self.message}"
        return text + (f" (fix: {self.fix})" if self.fix else "")


def _diagnostics(value: Any) -> Tuple[Diagnostic, ...]:
    return tuple(Diagnostic.from_json(d) for d in _list(value))


@dataclass(frozen=True)
class ArtifactReport:
    kind: str  # "wheel" or "sdist"
    path: str
    size: int
    entries: int
    sha256: str
    rewritten: bool
    mode: str  # a missing mode means "native": older daemons only build natively
    reason: Optional[str]

    @classmethod
    def from_json(cls, j: Json) -> "ArtifactReport":
        return cls(str(j["kind"]), str(j["path"]), int(j["size"]), int(j.get("entries", 0)), str(j["sha256"]),
                   bool(j.get("rewritten", False)), str(j.get("mode") or "native"), j.get("reason"))


@dataclass(frozen=True)
class BuildTimings:
    reconcile_ms: int
    load_ms: int
    select_ms: int
    read_ms: int
    wheel_ms: int
    sdist_ms: int
    total_ms: int

    @classmethod
    def from_json(cls, j: Json) -> "BuildTimings":
        return cls(*(int(j.get(k, 0)) for k in ("reconcileMs", "loadMs", "selectMs", "readMs", "wheelMs", "sdistMs", "totalMs")))


@dataclass(frozen=True)
class BuildReport:
    """The result of ``build`` and the payload of ``build/finished``."""

    root: str
    generation: int
    succeeded: bool
    mode: str
    up_to_date: bool
    artifacts: Tuple[ArtifactReport, ...]
    changed_entries: Tuple[str, ...]
    timings: BuildTimings
    diagnostics: Tuple[Diagnostic, ...]
    mode_reason: Optional[str]

    @classmethod
    def from_json(cls, j: Json) -> "BuildReport":
        return cls(str(j["root"]), int(j["generation"]), bool(j["succeeded"]), str(j.get("mode") or "native"),
                   bool(j.get("upToDate", False)), tuple(ArtifactReport.from_json(a) for a in _list(j.get("artifacts"))),
                   tuple(str(e) for e in _list(j.get("changedEntries"))), BuildTimings.from_json(j.get("timings") or {}),
                   _diagnostics(j.get("diagnostics")), j.get("modeReason"))

    def artifact(self, kind: str) -> Optional[ArtifactReport]:
        """The artifact of that kind ("wheel" or "sdist"), or None when it was not built."""
        return next((a for a in self.artifacts if a.kind == kind), None)


@dataclass(frozen=True)
class BuildSummary:
    """The last build of a workspace, as ``status`` shows it."""

    generation: int
    succeeded: bool
    total_ms: int
    changed_entries: int
    artifacts: Tuple[ArtifactReport, ...]
    finished_at: str

    @classmethod
    def from_json(cls, j: Json) -> "BuildSummary":
        return cls(int(j["generation"]), bool(j["succeeded"]), int(j.get("totalMs", 0)), int(j.get("changedEntries", 0)),
                   tuple(ArtifactReport.from_json(a) for a in _list(j.get("artifacts"))), str(j.get("finishedAt", "")))


@dataclass(frozen=True)
class WorkspaceStatus:
    root: str
    state: str
    generation: int
    pending_changes: int
    last_build: Optional[BuildSummary]
    rescans: int
    watch_mode: str
    watch_warning: Optional[str]
    holders: int
    keep_alive_until: Optional[str]
    diagnostics: Tuple[Diagnostic, ...]

    @classmethod
    def from_json(cls, j: Json) -> "WorkspaceStatus":
        last = j.get("lastBuild")
        return cls(str(j["root"]), str(j["state"]), int(j["generation"]), int(j.get("pendingChanges", 0)),
                   BuildSummary.from_json(last) if last else None, int(j.get("rescans", 0)), str(j.get("watchMode", "")),
                   j.get("watchWarning"), int(j.get("holders", 0)), j.get("keepAliveUntil"), _diagnostics(j.get("diagnostics")))


@dataclass(frozen=True)
class StatusResult:
    pid: int
    daemon_version: str
    protocol_version: int
    started_at: str
    uptime_ms: int
    working_set_bytes: int
    managed_heap_bytes: int
    connections: int
    last_stop_reason: Optional[str]
    workspaces: Tuple[WorkspaceStatus, ...]

    @classmethod
    def from_json(cls, j: Json) -> "StatusResult":
        return cls(int(j["pid"]), str(j["daemonVersion"]), int(j["protocolVersion"]), str(j.get("startedAt", "")),
                   int(j.get("uptimeMs", 0)), int(j.get("workingSetBytes", 0)), int(j.get("managedHeapBytes", 0)),
                   int(j.get("connections", 0)), j.get("lastStopReason"),
                   tuple(WorkspaceStatus.from_json(w) for w in _list(j.get("workspaces"))))


@dataclass(frozen=True)
class ArtifactDecision:
    included: bool
    archive_path: Optional[str]
    rule: str

    @classmethod
    def from_json(cls, j: Json) -> "ArtifactDecision":
        return cls(bool(j["included"]), j.get("archivePath"), str(j.get("rule", "")))


@dataclass(frozen=True)
class ExplainResult:
    """``wheel`` and ``sdist`` are None when the project could not be loaded; ``diagnostics`` then says why."""

    path: str
    wheel: Optional[ArtifactDecision]
    sdist: Optional[ArtifactDecision]
    diagnostics: Tuple[Diagnostic, ...]
    generation: Optional[int]

    @classmethod
    def from_json(cls, j: Json) -> "ExplainResult":
        wheel, sdist, generation = j.get("wheel"), j.get("sdist"), j.get("generation")
        return cls(str(j["path"]), ArtifactDecision.from_json(wheel) if wheel else None,
                   ArtifactDecision.from_json(sdist) if sdist else None, _diagnostics(j.get("diagnostics")),
                   int(generation) if generation is not None else None)


@dataclass(frozen=True)
class ShutdownResult:
    pid: int

    @classmethod
    def from_json(cls, j: Json) -> "ShutdownResult":
        return cls(int(j["pid"]))


@dataclass(frozen=True)
class BuildStarted:
    """``build/started``; ``trigger`` is "watch" or "request"."""

    root: str
    generation: int
    changed_files: int
    trigger: str

    @classmethod
    def from_json(cls, j: Json) -> "BuildStarted":
        return cls(str(j["root"]), int(j["generation"]), int(j.get("changedFiles", 0)), str(j.get("trigger", "")))


@dataclass(frozen=True)
class BuildFinished:
    """``build/finished``: the same BuildReport a ``build`` request returns."""

    report: BuildReport

    @property
    def root(self) -> str:
        return self.report.root

    @classmethod
    def from_json(cls, j: Json) -> "BuildFinished":
        return cls(BuildReport.from_json(j))


@dataclass(frozen=True)
class DiagnosticsChanged:
    """``diagnostics/changed``: the complete current set, which replaces the previous one."""

    root: str
    generation: int
    diagnostics: Tuple[Diagnostic, ...]

    @classmethod
    def from_json(cls, j: Json) -> "DiagnosticsChanged":
        return cls(str(j["root"]), int(j["generation"]), _diagnostics(j.get("diagnostics")))


Notification = Union[BuildStarted, BuildFinished, DiagnosticsChanged]

NOTIFICATION_TYPES: Dict[str, Any] = {
    Methods.BUILD_STARTED: BuildStarted,
    Methods.BUILD_FINISHED: BuildFinished,
    Methods.DIAGNOSTICS_CHANGED: DiagnosticsChanged,
}


def parse_notification(method: str, params: Json) -> Optional[Notification]:
    """The typed notification, or None for a method this client does not know (a newer daemon may send more)."""
    kind = NOTIFICATION_TYPES.get(method)
    return kind.from_json(params) if kind is not None else None
