"""LSP-style Content-Length framing of JSON-RPC messages (docs/protocol.md, "Framing").

FrameReader takes bytes in whatever pieces the socket delivers (a header split across reads, two frames in one read)
and hands out whole messages; anything that breaks the framing raises FramingError with what was wrong, because a
stream out of step cannot be resynchronised and the connection must be dropped.
"""

from __future__ import annotations

import json
from typing import Any, Callable, Dict, List, Optional

from .errors import ConnectionLostError, FramingError
from .protocol import MAX_FRAME_BYTES

HEADER_END = b"\r\n\r\n"
# A header block is a few dozen bytes; a peer that sends kilobytes without a blank line is not speaking this protocol.
MAX_HEADER_BYTES = 8 * 1024


def encode_message(message: Dict[str, Any]) -> bytes:
    body = json.dumps(message, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    return b"Content-Length: " + str(len(body)).encode("ascii") + HEADER_END + body


def parse_content_length(header_block: bytes) -> int:
    """The Content-Length of one header block (without its blank line). Other headers are accepted and ignored."""
    try:
        text = header_block.decode("ascii")
    except UnicodeDecodeError as error:
        raise FramingError(f"frame header is not ASCII: {header_block[:80]!r}") from error
    length: Optional[int] = None
    for line in text.split("\r\n"):
        name, colon, value = line.partition(":")
        if not colon or not name.strip():
            raise FramingError(f"malformed frame header line {line!r} (expected 'Name: value')")
        if name.strip().lower() == "content-length":
            value = value.strip()
            if not value.isdigit():
                raise FramingError(f"Content-Length {value!r} is not a non-negative integer")
            length = int(value)
    if length is None:
        raise FramingError(f"frame header without Content-Length: {text!r}")
    if length > MAX_FRAME_BYTES:
        raise FramingError(f"frame of {length} bytes is larger than the {MAX_FRAME_BYTES}-byte limit")
    return length


def decode_body(body: bytes) -> Dict[str, Any]:
    try:
        message = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as error:
        raise FramingError(f"frame body is not UTF-8 JSON: {error}") from error
    if not isinstance(message, dict) or message.get("jsonrpc") != "2.0":
        raise FramingError(f"frame body is not a JSON-RPC 2.0 object: {body[:120]!r}")
    return message


class FrameReader:
    """Assembles messages from chunks. ``feed`` accepts bytes; ``messages`` returns every complete message so far."""

    def __init__(self) -> None:
        self._buffer = bytearray()
        self._body_length: Optional[int] = None

    @property
    def mid_frame(self) -> bool:
        """True when part of a frame has arrived: an end of stream now means a truncated message."""
        return bool(self._buffer) or self._body_length is not None

    def feed(self, chunk: bytes) -> List[Dict[str, Any]]:
        self._buffer.extend(chunk)
        messages = []
        while True:
            if self._body_length is None:
                end = self._buffer.find(HEADER_END)
                if end < 0:
                    if len(self._buffer) > MAX_HEADER_BYTES:
                        raise FramingError(f"no end of frame header within {MAX_HEADER_BYTES} bytes")
                    return messages
                self._body_length = parse_content_length(bytes(self._buffer[:end]))
                del self._buffer[: end + len(HEADER_END)]
            if len(self._buffer) < self._body_length:
                return messages
            body = bytes(self._buffer[: self._body_length])
            del self._buffer[: self._body_length]
            self._body_length = None
            messages.append(decode_body(body))


def read_message(reader: FrameReader, pending: List[Dict[str, Any]], receive: Callable[[], bytes]) -> Dict[str, Any]:
    """The next message: from ``pending`` first, else from ``receive()`` chunks (b"" means end of stream)."""
    while not pending:
        chunk = receive()
        if not chunk:
            where = "in the middle of a frame" if reader.mid_frame else "between messages"
            raise ConnectionLostError(f"the daemon closed the connection {where}")
        pending.extend(reader.feed(chunk))
    return pending.pop(0)
