"""Finding the daemon (docs/protocol.md, "Finding the daemon"): the runtime folder, its safety checks, daemon.json,
and the packd executable that starts a daemon when none runs."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import stat
import tempfile
from dataclasses import dataclass
from typing import Mapping, Optional

from .errors import DaemonUnavailableError, RuntimeDirectoryError
from .protocol import DaemonInfo

OVERRIDE_VARIABLE = "PACKD_RUNTIME_DIR"
EXE_VARIABLE = "PACKD_EXE"
DAEMON_EXECUTABLE = "packd-daemon"
# sockaddr_un.sun_path is 108 bytes on Linux, 104 on macOS; the daemon refuses longer than this, so do we.
MAX_SOCKET_PATH_BYTES = 100


@dataclass(frozen=True)
class RuntimeDirectory:
    path: str

    @property
    def socket_path(self) -> str:
        return os.path.join(self.path, "packd.sock")

    @property
    def info_path(self) -> str:
        return os.path.join(self.path, "daemon.json")

    @property
    def spawn_lock_path(self) -> str:
        return os.path.join(self.path, "spawn.lock")

    @property
    def log_path(self) -> str:
        return os.path.join(self.path, "daemon.log")

    @classmethod
    def resolve(cls, environ: Optional[Mapping[str, str]] = None) -> "RuntimeDirectory":
        """$PACKD_RUNTIME_DIR; else $XDG_RUNTIME_DIR/packd when that is an existing absolute folder; else /tmp/packd-$UID."""
        env = os.environ if environ is None else environ
        explicit = env.get(OVERRIDE_VARIABLE)
        if explicit:
            return cls(os.path.abspath(explicit))
        xdg = env.get("XDG_RUNTIME_DIR")
        if xdg and os.path.isabs(xdg) and os.path.isdir(xdg):
            return cls(os.path.join(xdg, "packd"))
        return cls(os.path.join(tempfile.gettempdir(), f"packd-{os.geteuid()}"))

    def exists(self) -> bool:
        return os.path.lexists(self.path)

    def verify(self) -> None:
        """Refuses a folder that anyone but this user could have written: they could replace the socket and read every
        build request. Never repaired silently; the message names the fix."""
        fix = (f"Remove it ('rm -rf {self.path}') so packd can create it safely, "
               f"or set {OVERRIDE_VARIABLE} to a folder only you can write.")
        try:
            st = os.lstat(self.path)
        except FileNotFoundError as error:
            raise RuntimeDirectoryError(f"the runtime folder '{self.path}' does not exist. Start the daemon with 'packd daemon'.") from error
        if stat.S_ISLNK(st.st_mode) or not stat.S_ISDIR(st.st_mode):
            raise RuntimeDirectoryError(f"the runtime folder '{self.path}' is a symlink or not a folder. {fix}")
        if st.st_uid != os.geteuid():
            raise RuntimeDirectoryError(f"the runtime folder '{self.path}' is owned by uid {st.st_uid}, not by you (uid {os.geteuid()}). {fix}")
        if st.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
            raise RuntimeDirectoryError(f"the runtime folder '{self.path}' is writable by group or others (mode {stat.S_IMODE(st.st_mode):o}). {fix}")
        if len(self.socket_path.encode("utf-8")) > MAX_SOCKET_PATH_BYTES:
            raise RuntimeDirectoryError(f"the socket path '{self.socket_path}' is longer than {MAX_SOCKET_PATH_BYTES} bytes, "
                                        f"which Unix sockets do not allow. Set {OVERRIDE_VARIABLE} to a shorter folder.")

    def read_info(self) -> Optional[DaemonInfo]:
        """daemon.json, or None when it is missing or unreadable: the daemon is then treated as absent."""
        try:
            with open(self.info_path, "rb") as file:
                return DaemonInfo.from_json(json.loads(file.read().decode("utf-8")))
        except (OSError, ValueError, KeyError, TypeError):
            return None


def find_packd(explicit: Optional[str] = None, environ: Optional[Mapping[str, str]] = None) -> str:
    """The packd executable: the argument, else $PACKD_EXE, else `packd` on PATH."""
    env = os.environ if environ is None else environ
    for candidate, origin in ((explicit, "the packd_exe argument"), (env.get(EXE_VARIABLE), f"${EXE_VARIABLE}")):
        if candidate:
            if not (os.path.isfile(candidate) and os.access(candidate, os.X_OK)):
                raise DaemonUnavailableError(f"{origin} names '{candidate}', which is not an executable file.")
            return os.path.abspath(candidate)
    found = shutil.which("packd", path=env.get("PATH"))
    if found is None:
        raise DaemonUnavailableError(
            f"packd was not found: pass packd_exe=, set {EXE_VARIABLE}, or put packd on PATH "
            "(publish it with 'dotnet publish src/PackDaemon.Cli -c Release -o DIR').")
    return found


def daemon_next_to(packd: str) -> Optional[str]:
    """The packd-daemon installed with this packd (the CLI only ever starts its own, so their builds match)."""
    candidate = os.path.join(os.path.dirname(os.path.realpath(packd)), DAEMON_EXECUTABLE)
    return candidate if os.path.isfile(candidate) and os.access(candidate, os.X_OK) else None


# The files whose bytes identify a daemon build, in hashing order (src/PackDaemon.Protocol/Discovery/DaemonBuildId.cs).
IDENTIFYING_FILES = ("packd-daemon.dll", "PackDaemon.Daemon.dll", "PackDaemon.Engine.dll", "PackDaemon.Packaging.dll",
                     "PackDaemon.Protocol.dll")
BUILD_HASH_DIGITS = 12


def build_hash_next_to(packd: str) -> Optional[str]:
    """The hash part of the ``daemonBuild`` (``version+hash``) that the packd-daemon installed with this packd reports,
    or None when it cannot be computed. Equal hashes mean the running daemon is exactly the one packd would start."""
    folder = os.path.dirname(os.path.realpath(packd))
    digest = hashlib.sha256()
    try:
        for name in IDENTIFYING_FILES:
            with open(os.path.join(folder, name), "rb") as file:
                digest.update(file.read())
    except OSError:
        return None
    return digest.hexdigest()[:BUILD_HASH_DIGITS]
