"""Test-only hatchling metadata hook registered as `requirements_txt`.

Debian's hatchling has no hatch-requirements-txt plugin and there is no PyPI here, so the
fixture builder puts this directory on PYTHONPATH. It reads pip requirement files the way pip
does for the subset the fixtures use: comments, blank lines, backslash continuations,
`-r FILE` includes (relative to the including file) and per-line options such as `--hash=`.
"""

from __future__ import annotations

import os
import re

from hatchling.metadata.plugin.interface import MetadataHookInterface
from hatchling.plugin import hookimpl


def read_requirements(path: str) -> list[str]:
    with open(path, encoding="utf-8") as f:
        text = f.read()
    logical = re.sub(r"\\\r?\n", " ", text).splitlines()
    out: list[str] = []
    for line in logical:
        line = re.sub(r"(^|\s)#.*$", "", line).strip()
        if not line:
            continue
        include = re.match(r"^(?:-r|--requirement)(?:\s+|=)(\S+)$", line)
        if include:
            out.extend(read_requirements(os.path.join(os.path.dirname(path), include[1])))
            continue
        if line.startswith("-"):
            raise ValueError(f"{path}: unsupported option line {line!r}")
        # Per-requirement options (--hash=...) follow the requirement after whitespace.
        line = re.split(r"\s+--", line, maxsplit=1)[0].strip()
        out.append(line)
    return out


class RequirementsTxtShim(MetadataHookInterface):
    PLUGIN_NAME = "requirements_txt"

    def update(self, metadata: dict) -> None:
        deps: list[str] = []
        for name in self.config.get("files", ["requirements.txt"]):
            deps.extend(read_requirements(os.path.join(self.root, name)))
        metadata["dependencies"] = deps


@hookimpl
def hatch_register_metadata_hook():
    return RequirementsTxtShim
