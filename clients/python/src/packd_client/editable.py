"""PEP 660 editable wheels as a plain path ``.pth``: the wheel holds the regular wheel's metadata and one ``.pth``
file listing the project folders that hold its top-level packages. Python's site module adds those folders to
sys.path, and static tools (IDEs, type checkers) resolve the same paths; no import hook is involved, so nothing runs
at import time that a tool cannot see."""

from __future__ import annotations

import os
from typing import Dict, List, Tuple

from .errors import BuildFailedError
from .wheelfile import write_wheel

# Folders never searched for a package's source: outputs, environments, caches, VCS data.
SKIPPED_FOLDERS = {"dist", "build", "node_modules", "__pycache__", "venv", ".venv"}
MAX_SEARCH_DEPTH = 3
# The .data/ categories that hold code: an editable install serves code from the tree, so these are left out.
CODE_DATA_CATEGORIES = {"purelib", "platlib"}


def top_level_names(entries: Dict[str, bytes], dist_info: str) -> List[str]:
    """The wheel's top-level packages and modules (``pkg`` for pkg/..., ``mod.py`` for a module)."""
    data_prefix = dist_info[: -len(".dist-info")] + ".data"
    names: List[str] = []
    for path in entries:
        first = path.split("/", 1)[0]
        if first in (dist_info, data_prefix) or first in names:
            continue
        names.append(first)
    return names


def source_folder_of(root: str, name: str) -> str:
    """The shallowest folder under ``root`` (the root first, then src/, then breadth-first) that holds ``name``."""
    level = [root]
    for _ in range(MAX_SEARCH_DEPTH + 1):
        next_level: List[str] = []
        for folder in level:
            if os.path.lexists(os.path.join(folder, name)):
                return folder
            try:
                children = sorted(os.scandir(folder), key=lambda e: (e.name != "src", e.name))
            except OSError:
                continue
            next_level += [c.path for c in children
                           if c.is_dir(follow_symlinks=False) and not c.name.startswith(".") and c.name not in SKIPPED_FOLDERS]
        level = next_level
    raise BuildFailedError(
        f"cannot make an editable install of {root}: the wheel's top-level '{name}' is not a file or folder of that "
        "name in the project (a remapped or generated package cannot be served by a plain .pth); use a regular install")


def editable_files(root: str, entries: Dict[str, bytes], dist_info: str) -> Tuple[List[Tuple[str, bytes]], List[str]]:
    """The editable wheel's files (without RECORD) and the source folders its .pth lists."""
    folders: List[str] = []
    for name in top_level_names(entries, dist_info):
        folder = source_folder_of(root, name)
        if folder not in folders:
            folders.append(folder)
    distribution = dist_info[: -len(".dist-info")]
    pth = "".join(f"{os.path.realpath(f)}\n" for f in folders).encode("utf-8")
    files: List[Tuple[str, bytes]] = [(f"__editable__.{distribution}.pth", pth)]
    data_prefix = distribution + ".data/"
    for path, data in sorted(entries.items()):
        if path.startswith(dist_info + "/") and path != f"{dist_info}/RECORD":
            files.append((path, data))
        elif path.startswith(data_prefix) and path[len(data_prefix):].split("/", 1)[0] not in CODE_DATA_CATEGORIES:
            files.append((path, data))  # scripts, headers and data files are installed as in a regular install
    return files, folders


def write_editable_wheel(root: str, regular_wheel_entries: Dict[str, bytes], dist_info: str, destination: str) -> None:
    files, _ = editable_files(root, regular_wheel_entries, dist_info)
    write_wheel(destination, files, dist_info)
