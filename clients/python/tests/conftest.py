"""Shared fixtures: the published packd, an isolated runtime folder per test (never the user's daemon), a temp copy
of the fixture project, and a helper that waits for an observable condition with a timeout."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable, Iterator, Optional, TypeVar

import pytest

HERE = Path(__file__).resolve().parent
CLIENT_ROOT = HERE.parent
REPO_ROOT = CLIENT_ROOT.parent.parent
sys.path.insert(0, str(CLIENT_ROOT / "src"))

from packd_client import Client, DaemonUnavailableError  # noqa: E402

T = TypeVar("T")
WAIT_SECONDS = 30.0


def wait_for(condition: Callable[[], Optional[T]], what: str, timeout: float = WAIT_SECONDS) -> T:
    """Polls an observable condition until it holds (returns a truthy value), or fails the test naming ``what``."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() >= deadline:
            pytest.fail(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(0.05)


@pytest.fixture(scope="session")
def packd_exe() -> str:
    """The published packd (scripts/test.sh exports PACKD_TEST_EXE); packd-daemon sits next to it."""
    exe = os.environ.get("PACKD_TEST_EXE") or str(REPO_ROOT / ".packd" / "bin" / "packd")
    if not os.access(exe, os.X_OK):
        pytest.fail(f"packd not found at {exe}: publish it with "
                    "'dotnet publish src/PackDaemon.Cli -c Release -o .packd/bin' or set PACKD_TEST_EXE")
    return exe


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
        return True
    except ProcessLookupError:
        return False


@pytest.fixture
def runtime_dir(monkeypatch: pytest.MonkeyPatch, packd_exe: str) -> Iterator[str]:
    """A fresh 0700 runtime folder (short: Unix socket paths are limited), set as PACKD_RUNTIME_DIR, with PACKD_EXE
    pointing at the published packd. Whatever daemon the test started there is shut down and awaited."""
    path = tempfile.mkdtemp(prefix="pkdpy-", dir="/tmp")
    os.chmod(path, 0o700)
    monkeypatch.setenv("PACKD_RUNTIME_DIR", path)
    monkeypatch.setenv("PACKD_EXE", packd_exe)
    monkeypatch.delenv("PACKD_NO_DAEMON", raising=False)
    try:
        yield path
    finally:
        try:
            with Client.connect(start=False, runtime_dir=path) as client:
                pid = client.shutdown().pid
            wait_for(lambda: not _pid_alive(pid), f"the test daemon (pid {pid}) to exit")
        except DaemonUnavailableError:
            pass
        finally:
            shutil.rmtree(path, ignore_errors=True)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A temp copy of tests/fixtures/greet (src layout, build-backend = packd_client.backend)."""
    destination = tmp_path / "greet"
    shutil.copytree(HERE / "fixtures" / "greet", destination)
    return destination
