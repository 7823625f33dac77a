"""Finding the daemon: the runtime folder rules and its ownership/mode checks (docs/protocol.md)."""

from __future__ import annotations

import json
import os
import socket
import tempfile
from pathlib import Path

import pytest

from packd_client import Client, DaemonUnavailableError, PackdError, RuntimeDirectoryError
from packd_client.discovery import RuntimeDirectory, find_packd


def test_override_variable_wins(tmp_path: Path) -> None:
    env = {"PACKD_RUNTIME_DIR": str(tmp_path / "rt"), "XDG_RUNTIME_DIR": str(tmp_path)}
    assert RuntimeDirectory.resolve(env).path == str(tmp_path / "rt")


def test_xdg_runtime_dir_when_it_exists(tmp_path: Path) -> None:
    assert RuntimeDirectory.resolve({"XDG_RUNTIME_DIR": str(tmp_path)}).path == str(tmp_path / "packd")


def test_missing_or_relative_xdg_falls_back_to_tmp_and_uid(tmp_path: Path) -> None:
    expected = os.path.join(tempfile.gettempdir(), f"packd-{os.geteuid()}")
    assert RuntimeDirectory.resolve({"XDG_RUNTIME_DIR": str(tmp_path / "missing")}).path == expected
    assert RuntimeDirectory.resolve({"XDG_RUNTIME_DIR": "relative"}).path == expected


def _short_dir(mode: int) -> str:
    path = tempfile.mkdtemp(prefix="pkdd-", dir="/tmp")
    os.chmod(path, mode)
    return path


@pytest.mark.parametrize("mode", [0o770, 0o702, 0o777])
def test_group_or_other_writable_folder_is_refused(mode: int) -> None:
    path = _short_dir(mode)
    try:
        with pytest.raises(RuntimeDirectoryError, match="writable by group or others"):
            RuntimeDirectory(path).verify()
        # The client refuses it too, before reading daemon.json or touching the socket.
        with pytest.raises(PackdError, match="rm -rf"):
            Client.connect(start=False, runtime_dir=path)
    finally:
        os.rmdir(path)


def test_symlinked_folder_is_refused(tmp_path: Path) -> None:
    target = _short_dir(0o700)
    link = tmp_path / "link"
    link.symlink_to(target)
    try:
        with pytest.raises(RuntimeDirectoryError, match="symlink"):
            RuntimeDirectory(str(link)).verify()
    finally:
        os.rmdir(target)


def test_private_folder_is_accepted() -> None:
    path = _short_dir(0o700)
    try:
        RuntimeDirectory(path).verify()
    finally:
        os.rmdir(path)


def test_folder_of_another_user_is_refused() -> None:
    if os.geteuid() != 0:
        pytest.skip("needs root to create a folder owned by another uid")
    path = _short_dir(0o700)
    try:
        os.chown(path, 65534, 65534)
        with pytest.raises(RuntimeDirectoryError, match="not by you"):
            RuntimeDirectory(path).verify()
    finally:
        os.rmdir(path)


def test_stale_daemon_json_means_no_daemon() -> None:
    path = _short_dir(0o700)
    sock_path = os.path.join(path, "packd.sock")
    try:
        # A socket file that nothing listens on any more (a daemon killed with -9 leaves exactly this).
        listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        listener.bind(sock_path)
        listener.close()
        Path(path, "daemon.json").write_text(json.dumps({"pid": 1, "version": "0", "build": "0", "protocolVersion": 1,
                                                         "socket": sock_path, "startedAt": "2026-01-01T00:00:00Z"}))
        with pytest.raises(DaemonUnavailableError, match="no packd daemon is running"):
            Client.connect(start=False, runtime_dir=path)
    finally:
        for name in ("packd.sock", "daemon.json"):
            Path(path, name).unlink(missing_ok=True)
        os.rmdir(path)


def test_find_packd_names_each_way_to_fix_it(tmp_path: Path) -> None:
    with pytest.raises(DaemonUnavailableError, match="PACKD_EXE"):
        find_packd(None, {"PATH": str(tmp_path)})
    with pytest.raises(DaemonUnavailableError, match="not an executable"):
        find_packd(None, {"PACKD_EXE": str(tmp_path / "nope")})
    exe = tmp_path / "packd"
    exe.write_text("#!/bin/sh\n")
    exe.chmod(0o755)
    assert find_packd(None, {"PATH": str(tmp_path)}) == str(exe)
