"""Starting a daemon when none answers, as the packd CLI does: under spawn.lock (so racing clients start one), the
packd-daemon installed next to packd, detached, with stdio on /dev/null (an inherited pipe would keep whoever reads
our output waiting for EOF until the daemon exits)."""

from __future__ import annotations

import fcntl
import os
import subprocess
import time
from contextlib import contextmanager
from typing import Iterator, List

from .discovery import RuntimeDirectory, daemon_next_to
from .errors import DaemonUnavailableError, RuntimeDirectoryError

SPAWN_LOCK_TIMEOUT = 45.0
POLL_SECONDS = 0.05


def ensure_runtime_directory(runtime: RuntimeDirectory) -> None:
    """Creates the folder 0700 when missing (as the daemon would), then verifies it."""
    if not runtime.exists():
        try:
            os.makedirs(runtime.path, mode=0o700, exist_ok=True)
        except OSError as error:
            raise RuntimeDirectoryError(f"cannot create the runtime folder '{runtime.path}': {error}. "
                                        f"Create it with 'mkdir -m 700 {runtime.path}'.") from error
    runtime.verify()


@contextmanager
def spawn_lock(runtime: RuntimeDirectory) -> Iterator[None]:
    fd = os.open(runtime.spawn_lock_path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
    try:
        deadline = time.monotonic() + SPAWN_LOCK_TIMEOUT
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise DaemonUnavailableError(
                        f"another client held '{runtime.spawn_lock_path}' for {SPAWN_LOCK_TIMEOUT:.0f} s while starting the daemon")
                time.sleep(POLL_SECONDS)  # flock has no timed wait; this polls a lock, it does not synchronise a test
        yield
    finally:
        os.close(fd)  # closing releases the flock


def start_daemon(packd: str, runtime: RuntimeDirectory) -> "subprocess.Popen[bytes]":
    """Starts packd-daemon --detach next to packd; without one there, `packd daemon` in a session of its own."""
    daemon = daemon_next_to(packd)
    command: List[str] = [daemon, "--detach"] if daemon else [packd, "daemon"]
    env = dict(os.environ)
    env["PACKD_RUNTIME_DIR"] = runtime.path  # the folder we resolved is the folder it must serve
    try:
        return subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                # Not the caller's folder: a daemon must not keep a project (or test) folder busy.
                                cwd="/", env=env, start_new_session=True, close_fds=True)
    except OSError as error:
        raise DaemonUnavailableError(f"could not start '{command[0]}': {error}") from error
