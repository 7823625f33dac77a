"""A daemon of another protocol version (a stand-in that answers initialize with 1001, as such a daemon does) is
reported by connect(start=False) and replaced by connect(): it is sent SIGTERM and a matching daemon is started."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Iterator

import pytest

from conftest import CLIENT_ROOT
from packd_client import Client, OtherProtocolDaemonError, PackdError

OTHER_PROTOCOL_DAEMON = r"""
import os, socket, sys
sys.path.insert(0, sys.argv[2])
from packd_client.framing import FrameReader, encode_message, read_message
server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
server.bind(sys.argv[1])
server.listen()
print("ready", flush=True)
while True:
    connection, _ = server.accept()
    request = read_message(FrameReader(), [], lambda: connection.recv(4096))
    other = {"protocolVersion": 2, "daemonVersion": "9.0.0", "daemonBuild": "9.0.0+0", "pid": os.getpid(), "startedAt": ""}
    connection.sendall(encode_message({"jsonrpc": "2.0", "id": request["id"],
                                       "error": {"code": 1001, "message": "protocol 2 only", "data": other}}))
    connection.close()
"""


@pytest.fixture
def other_protocol_daemon(runtime_dir: str) -> Iterator["subprocess.Popen[str]"]:
    socket_path = os.path.join(runtime_dir, "other.sock")
    process = subprocess.Popen([sys.executable, "-c", OTHER_PROTOCOL_DAEMON, socket_path, str(CLIENT_ROOT / "src")],
                               stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None and process.stdout.readline() == "ready\n"
        Path(runtime_dir, "daemon.json").write_text(json.dumps(
            {"pid": process.pid, "version": "9.0.0", "build": "9.0.0+0", "protocolVersion": 2, "socket": socket_path,
             "startedAt": "2026-01-01T00:00:00Z"}))
        yield process
    finally:
        if process.poll() is None:
            process.kill()
        process.wait(10)


def test_connect_without_start_names_the_other_protocol(other_protocol_daemon: "subprocess.Popen[str]") -> None:
    with pytest.raises(OtherProtocolDaemonError) as caught:
        Client.connect(start=False)
    assert "speaks protocol 2" in str(caught.value) and isinstance(caught.value, PackdError)
    assert caught.value.pid == other_protocol_daemon.pid
    assert other_protocol_daemon.poll() is None  # only reported, not touched


def test_connect_replaces_a_daemon_of_another_protocol(other_protocol_daemon: "subprocess.Popen[str]") -> None:
    with Client.connect() as client:
        assert client.daemon.protocol_version == 1
        assert client.daemon.pid != other_protocol_daemon.pid
    assert other_protocol_daemon.wait(10) == -signal.SIGTERM
