"""Reading a built wheel and writing a new one (the editable wheel) with a correct RECORD and reproducible bytes."""

from __future__ import annotations

import base64
import hashlib
import os
import time
import zipfile
from typing import Dict, List, Tuple

# Zip cannot store dates before 1980; this is also what reproducible wheel builders use without SOURCE_DATE_EPOCH.
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)


def dist_info_name(archive: zipfile.ZipFile) -> str:
    """The one top-level ``*.dist-info`` folder of a wheel."""
    names = {n.split("/", 1)[0] for n in archive.namelist() if n.split("/", 1)[0].endswith(".dist-info") and "/" in n}
    if len(names) != 1:
        raise ValueError(f"the wheel has {len(names)} .dist-info folders, expected one: {sorted(names)}")
    return names.pop()


def record_hash(data: bytes) -> str:
    return "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode("ascii")


def _timestamp() -> Tuple[int, int, int, int, int, int]:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        stamp = time.gmtime(max(int(epoch), 315532800))  # 1980-01-01: zip's first representable date
        return stamp[:6]
    return ZIP_EPOCH


def write_wheel(path: str, files: List[Tuple[str, bytes]], dist_info: str) -> None:
    """Writes ``files`` (archive path, bytes) in order, then ``<dist_info>/RECORD`` listing them all."""
    record_path = f"{dist_info}/RECORD"
    record_lines = [f"{name},{record_hash(data)},{len(data)}" for name, data in files]
    record_lines.append(f"{record_path},,")
    entries: List[Tuple[str, bytes]] = list(files) + [(record_path, ("\n".join(record_lines) + "\n").encode("utf-8"))]
    stamp = _timestamp()
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.external_attr = (0o100644 << 16)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)


def read_entries(path: str) -> Dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist() if not name.endswith("/")}
