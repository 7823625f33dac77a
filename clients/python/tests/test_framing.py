"""Content-Length framing: every way a byte stream can be split or broken."""

from __future__ import annotations

import json
import socket
import threading

import pytest

from packd_client.connection import Connection
from packd_client.errors import ConnectionLostError, FramingError, PackdError, PackdTimeoutError, RpcError
from packd_client.framing import FrameReader, encode_message, read_message
from packd_client.protocol import MAX_FRAME_BYTES


def frame(body: bytes, headers: bytes = b"") -> bytes:
    return b"Content-Length: " + str(len(body)).encode() + b"\r\n" + headers + b"\r\n" + body


STATUS = {"jsonrpc": "2.0", "id": 1, "result": {"pid": 7}}


def test_one_message_in_one_chunk() -> None:
    assert FrameReader().feed(encode_message(STATUS)) == [STATUS]


def test_message_fed_one_byte_at_a_time() -> None:
    reader, seen = FrameReader(), []
    for byte in encode_message(STATUS):
        seen += reader.feed(bytes([byte]))
    assert seen == [STATUS]
    assert not reader.mid_frame


def test_two_messages_and_a_half_in_one_chunk() -> None:
    second = {"jsonrpc": "2.0", "method": "build/started", "params": {"root": "/p"}}
    data = encode_message(STATUS) + encode_message(second) + encode_message(STATUS)
    reader = FrameReader()
    assert reader.feed(data[:-5]) == [STATUS, second]
    assert reader.mid_frame
    assert reader.feed(data[-5:]) == [STATUS]


@pytest.mark.parametrize("split", [1, 15, 16, 17, 18, 19, 20])
def test_split_inside_and_right_after_the_header(split: int) -> None:
    data = encode_message(STATUS)
    reader = FrameReader()
    assert reader.feed(data[:split]) == []
    assert reader.feed(data[split:]) == [STATUS]


def test_extra_headers_and_header_case_are_accepted() -> None:
    body = json.dumps(STATUS).encode()
    data = b"Content-Type: application/vscode-jsonrpc; charset=utf-8\r\ncontent-length:  " + str(len(body)).encode() + b" \r\nX-Other: 1\r\n\r\n" + body
    assert FrameReader().feed(data) == [STATUS]


def test_length_counts_utf8_bytes_not_characters() -> None:
    message = {"jsonrpc": "2.0", "method": "m", "params": {"text": "é€😀"}}
    data = encode_message(message)
    assert FrameReader().feed(data[:-1]) == []
    assert FrameReader().feed(data) == [message]


@pytest.mark.parametrize("header, fragment", [
    (b"Content-Type: x\r\n\r\n{}", "without Content-Length"),
    (b"Content-Length: ten\r\n\r\n", "not a non-negative integer"),
    (b"Content-Length: -1\r\n\r\n", "not a non-negative integer"),
    (b"Content-Length 5\r\n\r\n", "malformed frame header line"),
    (b"Content-Length: " + str(MAX_FRAME_BYTES + 1).encode() + b"\r\n\r\n", "larger than"),
    (b"Content-L\xc3\xa9ngth: 2\r\n\r\n{}", "not ASCII"),
])
def test_bad_headers_raise_a_clear_framing_error(header: bytes, fragment: str) -> None:
    with pytest.raises(FramingError, match=fragment):
        FrameReader().feed(header)


def test_endless_header_without_blank_line_is_refused() -> None:
    with pytest.raises(FramingError, match="no end of frame header"):
        FrameReader().feed(b"X-Padding: " + b"a" * 9000)


@pytest.mark.parametrize("body, fragment", [
    (b"{not json", "not UTF-8 JSON"),
    (b"\xff\xfe", "not UTF-8 JSON"),
    (b"[1, 2]", "not a JSON-RPC 2.0 object"),
    (b'{"id": 1, "result": {}}', "not a JSON-RPC 2.0 object"),
])
def test_bad_bodies_raise_a_clear_framing_error(body: bytes, fragment: str) -> None:
    with pytest.raises(FramingError, match=fragment):
        FrameReader().feed(frame(body))


def test_end_of_stream_mid_frame_is_a_lost_connection() -> None:
    chunks = [encode_message(STATUS)[:10], b""]
    with pytest.raises(ConnectionLostError, match="middle of a frame"):
        read_message(FrameReader(), [], lambda: chunks.pop(0))


def test_every_error_shares_one_root() -> None:
    for kind in (FramingError, ConnectionLostError, PackdTimeoutError, RpcError):
        assert issubclass(kind, PackdError)


class FakeDaemon:
    """The far end of a socketpair, scripted by the test: it reads one request and writes the given bytes."""

    def __init__(self, reply: "Callable[[dict], bytes]") -> None:  # noqa: F821
        self.ours, self.theirs = socket.socketpair()
        self.requests: list = []
        self._reply = reply
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        reader, pending = FrameReader(), []
        request = read_message(reader, pending, lambda: self.theirs.recv(4096))
        self.requests.append(request)
        self.theirs.sendall(self._reply(request))

    def close(self) -> None:
        self._thread.join(5)
        self.ours.close()
        self.theirs.close()


def test_notifications_before_the_answer_are_queued_and_a_split_answer_is_assembled() -> None:
    def reply(request: dict) -> bytes:
        note = encode_message({"jsonrpc": "2.0", "method": "build/started", "params": {"root": "/p", "generation": 2}})
        return note + encode_message({"jsonrpc": "2.0", "id": request["id"], "result": {"ok": True}})

    daemon = FakeDaemon(reply)
    try:
        connection = Connection(daemon.ours)
        assert connection.request("status", {}, timeout=5) == {"ok": True}
        assert daemon.requests[0]["method"] == "status" and daemon.requests[0]["params"] == {}
        assert connection.next_notification(timeout=1) == ("build/started", {"root": "/p", "generation": 2})
    finally:
        daemon.close()


def test_an_error_answer_raises_rpc_error_with_its_code() -> None:
    daemon = FakeDaemon(lambda r: encode_message({"jsonrpc": "2.0", "id": r["id"], "error": {"code": 1003, "message": "not a project"}}))
    try:
        with pytest.raises(RpcError) as caught:
            Connection(daemon.ours).request("build", {"root": "/nope"}, timeout=5)
        assert caught.value.code == 1003 and "not a project" in str(caught.value)
    finally:
        daemon.close()


def test_a_bad_frame_raises_framing_error_and_closes_the_connection_for_good() -> None:
    daemon = FakeDaemon(lambda r: b"Content-Length: 3\r\n\r\n{x}")
    try:
        connection = Connection(daemon.ours)
        with pytest.raises(FramingError, match="not UTF-8 JSON"):
            connection.request("status", {}, timeout=5)
        with pytest.raises(ConnectionLostError, match="connect again"):
            connection.request("status", {}, timeout=5)
    finally:
        daemon.close()


def test_silence_raises_a_timeout_and_the_connection_stays_usable() -> None:
    ours, theirs = socket.socketpair()
    try:
        connection = Connection(ours)
        theirs.sendall(encode_message(STATUS)[:12])  # half a header, then nothing
        with pytest.raises(PackdTimeoutError):
            connection.next_notification(timeout=0.2)
        note = {"jsonrpc": "2.0", "method": "build/started", "params": {"root": "/p"}}
        theirs.sendall(encode_message(STATUS)[12:] + encode_message(note))
        assert connection.next_notification(timeout=5) == ("build/started", {"root": "/p"})
    finally:
        ours.close()
        theirs.close()
