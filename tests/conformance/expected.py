"""Conformance check for a backend that cannot be installed here (pdm-backend, uv_build): build one fixture with packd
and compare its artifacts with the file lists the backend's documented rules give, written down in
`<case>.expected.toml` next to the fixture (each entry commented with the rule and where it is documented).

compare.py dispatches here for the backends in EXPECTED_ONLY_BACKENDS; the report format, the `<case>.case.toml`
(`[generate]`, `[[allowed]]`) and the exit codes are compare.py's. `<case>.expected.toml` holds:
    [wheel]
    entries = [...]       every file entry of the wheel, .dist-info included (directory entries are not compared:
                          uv_build writes one per folder, packd none; installers ignore them)
    [sdist]
    top = "name-1.0"      the sdist's top folder
    members = [...]       every file below it, PKG-INFO included
    [metadata]            optional
    present = [...]       "Field: value" lines METADATA and PKG-INFO must both hold
    absent = [...]        field names neither may hold
Differences use compare.py's kinds: '-only-backend' is what the documented rules give and packd does not,
'-only-packd' the reverse.
"""
from __future__ import annotations

import os
import tempfile
import tomllib

# Backends with no package on this machine (no PyPI): folder name -> build-backend.
EXPECTED_ONLY_BACKENDS = {"pdm-backend": "pdm.backend", "uv_build": "uv_build"}


def load_expected(case_dir: str) -> dict:
    path = case_dir.rstrip("/") + ".expected.toml"
    with open(path, "rb") as f:
        return tomllib.load(f)


def check_backend_declared(project: str, backend: str) -> None:
    with open(os.path.join(project, "pyproject.toml"), "rb") as f:
        declared = tomllib.load(f).get("build-system", {}).get("build-backend")
    if declared != EXPECTED_ONLY_BACKENDS[backend]:
        raise ValueError(f"the fixture declares build-backend {declared!r}, not {EXPECTED_ONLY_BACKENDS[backend]!r}")


def differences(expected: dict, ours: tuple[str, str], compare) -> list[tuple[str, str]]:
    """compare is compare.py's module, for its artifact readers and header parser."""
    found: list[tuple[str, str]] = []

    def one_sided(kind: str, theirs: set, mine: set) -> None:
        for entry in sorted(theirs - mine):
            found.append((f"{kind}-only-backend", entry))
        for entry in sorted(mine - theirs):
            found.append((f"{kind}-only-packd", entry))

    wheel = compare.read_wheel(ours[0])
    sdist = compare.read_sdist(ours[1])
    one_sided("wheel", set(expected["wheel"]["entries"]), {e for e in wheel["entries"] if not e.endswith("/")})
    one_sided("sdist-top", {expected["sdist"]["top"]}, sdist["top"])
    one_sided("sdist", set(expected["sdist"]["members"]), sdist["members"])

    metadata = expected.get("metadata", {})
    for kind, text in (("metadata", wheel["metadata"]), ("pkg-info", sdist["pkg_info"])):
        fields, _ = compare.header_fields(text)
        names = {line.split(":", 1)[0] for line in fields}
        for line in metadata.get("present", []):
            if fields[line] == 0:
                found.append((f"{kind}-only-backend", line))
        for name in metadata.get("absent", []):
            if name in names:
                found.append((f"{kind}-only-packd", next(line for line in sorted(fields) if line.startswith(name + ":"))))
    return found


def compare_with_expected(backend: str, case_dir: str, packd: str, compare) -> dict:
    case = compare.load_case(case_dir)
    expected = load_expected(case_dir)
    with tempfile.TemporaryDirectory(prefix="packd-conformance-") as temp:
        project = compare.prepare(case_dir, case, os.path.join(temp, "packd", "project"))
        check_backend_declared(project, backend)
        ours = compare.build_with_packd(packd, project, os.path.join(temp, "packd-out"))
        found = differences(expected, ours, compare)

    allowed = {(a["kind"], a["entry"]): a.get("reason", "") for a in case.get("allowed", [])}
    actual = set(found)
    return {
        "case": os.path.basename(case_dir.rstrip("/")),
        "backend": backend,
        "reference": "documented rules (expected.toml)",
        "ok": actual == set(allowed),
        "unexpected": [{"kind": k, "entry": e} for k, e in found if (k, e) not in allowed],
        "allowed_seen": [{"kind": k, "entry": e, "reason": allowed[(k, e)]} for k, e in found if (k, e) in allowed],
        "allowed_not_seen": [{"kind": k, "entry": e, "reason": r} for (k, e), r in allowed.items() if (k, e) not in actual],
    }
