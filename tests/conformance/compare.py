"""Differential conformance check: build one fixture with the real backend and with packd, and compare the artifacts.

Usage (Debian's interpreter, because the reference backends are Debian packages):
    /usr/bin/python3 tests/conformance/compare.py --packd PATH tests/conformance/hatchling/<case> [--json]

Stdlib only. The fixture folder is the project, copied twice into a temp folder so that neither build sees the other's
output. Next to it, `<case>.case.toml` may hold:
    base = "django-blog"  a project tree under tests/conformance/trees/ that several backends' cases share: it is copied
                          first, then the case folder (its pyproject.toml, MANIFEST.in...) over it
    [generate]            files written into both copies before building: generated files a project's .gitignore
    "pkg/_build.py" = ""  hides, which therefore cannot live in this repository
    [[allowed]]           one intentional difference, exactly as this script reports it; see docs/compatibility.md
    kind = "metadata-only-packd"
    entry = "Metadata-Version: 2.4"
    reason = "docs/compatibility.md#metadata-version"

The differences found must equal the allowed ones exactly: an unexpected difference fails, and so does an allowed one
that no longer happens (the allow-list would otherwise hide a later regression behind a stale entry).
Exit code 0 when they are equal, 1 when not, 2 when a build failed.

pdm-backend and uv_build cannot be installed here: for their folders the reference is `<case>.expected.toml`, the file
lists their documented rules give, and expected.py does the comparison (same report, same allow-list).
"""
from __future__ import annotations

import argparse
import configparser
import email.parser
import email.policy
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import tomllib
import zipfile
from collections import Counter

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import expected  # noqa: E402  (a sibling script: the comparison for backends that cannot be installed here)

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
HATCH_SHIM = os.path.join(REPO, "tests", "python", "hatch_shim")
TREES = os.path.join(HERE, "trees")

# Calls the backend's PEP 517 hooks in-process, without isolation (PyPI is not reachable here).
PEP517_BUILD = """
import contextlib, importlib, sys
module, _, attribute = sys.argv[1].partition(":")
backend = importlib.import_module(module)
for name in filter(None, attribute.split(".")):
    backend = getattr(backend, name)
out = sys.argv[2]
# setuptools logs to stdout; the artifact names travel on one marked line, and the build's own output goes to stderr.
with contextlib.redirect_stdout(sys.stderr):
    wheel = backend.build_wheel(out)
    sdist = backend.build_sdist(out)
print("PACKD-ARTIFACTS", wheel, sdist)
"""

# A PEP 517 object reference (module or module:object). setuptools-cfg fixtures are setup.cfg projects: without a
# declared build-backend pip builds them with PEP 517's fallback, setuptools' legacy backend; a fixture whose
# pyproject.toml declares one is built with that (see backend_reference).
BACKEND_MODULES = {
    "flit_core": "flit_core.buildapi",
    "hatchling": "hatchling.build",
    "poetry-core": "poetry.core.masonry.api",
    "setuptools": "setuptools.build_meta",
    "setuptools-cfg": "setuptools.build_meta:__legacy__",
}

# Header fields whose value names the tool that wrote the file: they differ by design, never by mistake.
GENERATOR_FIELDS = {"Generator"}

# Fields holding PEP 508 requirements. A marker's string literal may be quoted with ' or " (PEP 508 grammar): hatchling
# 1.12 writes what Debian's `packaging` prints ('), packd the canonical form of packaging >= 22 ("). One requirement,
# two spellings; setuptools 66 also puts a version specifier in parentheses. docs/compatibility.md lists these as the
# only values the comparison rewrites before comparing.
REQUIREMENT_FIELDS = {"Requires-Dist", "Provides-Dist", "Obsoletes-Dist"}


def canonical_value(name: str, value: str) -> str:
    if name not in REQUIREMENT_FIELDS:
        return value
    requirement, semicolon, marker = value.partition(";")
    # setuptools 66 writes a version specifier in parentheses with spaces (`flask (>=2.0) ; extra == "dev"`), the form
    # of Metadata-Version 1.2; PEP 508 and packd write `flask>=2.0; extra == "dev"`. One requirement, two spellings.
    if "@" not in requirement:
        requirement = requirement.replace("(", "").replace(")", "").replace(" ", "")
    else:
        requirement = requirement.strip()
    return f"{requirement};{marker.strip().replace(chr(39), chr(34))}" if semicolon else requirement


def backend_reference(backend: str, project: str) -> str:
    """The fixture's declared build-backend when it has one (what pip would call), else the folder's default."""
    pyproject = os.path.join(project, "pyproject.toml")
    if backend == "setuptools-cfg" and os.path.exists(pyproject):
        with open(pyproject, "rb") as f:
            declared = tomllib.load(f).get("build-system", {}).get("build-backend")
        if declared:
            return declared
    return BACKEND_MODULES[backend]


def build_with_backend(backend: str, project: str, out: str) -> tuple[str, str]:
    env = {**os.environ, "PYTHONPATH": HATCH_SHIM, "SOURCE_DATE_EPOCH": "1580601600"}
    os.makedirs(out, exist_ok=True)  # hatchling creates it; flit_core expects it to exist
    result = subprocess.run(["/usr/bin/python3", "-c", PEP517_BUILD, backend_reference(backend, project), out],
                            cwd=project, env=env, capture_output=True, text=True, timeout=300)
    if result.returncode:
        raise BuildFailed(f"{backend} failed:\n{result.stderr[-4000:]}")
    # Backends log to stdout (setuptools does): the artifact names are on the last marked line.
    marked = [line for line in result.stdout.splitlines() if line.startswith("PACKD-ARTIFACTS ")]
    wheel, sdist = marked[-1].split()[1:3]
    return os.path.join(out, wheel), os.path.join(out, sdist)


def build_with_packd(packd: str, project: str, out: str) -> tuple[str, str]:
    env = {**os.environ, "PACKD_NO_DAEMON": "1"}
    env.pop("SOURCE_DATE_EPOCH", None)
    result = subprocess.run([packd, "build", project, "--out", out, "--wheel", "--sdist", "--no-daemon", "--json"],
                            env=env, capture_output=True, text=True, timeout=300)
    if result.returncode:
        raise BuildFailed(f"packd failed:\n{(result.stdout + result.stderr)[-4000:]}")
    artifacts = {a["kind"]: a for a in json.loads(result.stdout)["artifacts"]}
    # A delegated build runs the backend itself and would compare equal by construction: the suite tests emulation.
    for artifact in artifacts.values():
        if artifact.get("mode", "native") != "native":
            raise BuildFailed(f"packd did not build natively ({artifact['mode']}): {artifact.get('reason', '')}")
    return artifacts["wheel"]["path"], artifacts["sdist"]["path"]


class BuildFailed(Exception):
    pass


def header_fields(text: str) -> tuple[Counter, str]:
    """The header as a multiset of 'Name: value' lines (folded values unfolded), and the body."""
    message = email.parser.Parser(policy=email.policy.compat32).parsestr(text)
    fields = Counter()
    for name, value in message.items():
        if name in GENERATOR_FIELDS:
            continue
        unfolded = " ".join(part.strip() for part in str(value).splitlines())
        fields[f"{name}: {canonical_value(name, unfolded)}"] += 1
    body = message.get_payload()
    return fields, body if isinstance(body, str) else ""


def entry_points(text: str | None) -> set[str]:
    if text is None:
        return set()
    parser = configparser.ConfigParser(delimiters=("=",), interpolation=None)
    parser.optionxform = str
    parser.read_string(text)
    return {f"[{group}] {name} = {value}" for group in parser.sections() for name, value in parser.items(group)}


def read_wheel(path: str) -> dict:
    with zipfile.ZipFile(path) as wheel:
        names = wheel.namelist()
        dist_info = next(n.split("/")[0] for n in names if n.split("/")[0].endswith(".dist-info"))

        def text(name: str) -> str | None:
            full = f"{dist_info}/{name}"
            return wheel.read(full).decode("utf-8") if full in names else None

        # The payload's bytes, and for scripts their executable bit: a backend may rewrite a script's shebang.
        payload = {n: (wheel.read(n), bool((wheel.getinfo(n).external_attr >> 16) & 0o111) if "/scripts/" in n else None)
                   for n in names if not n.startswith(dist_info + "/") and not n.endswith("/")}
        return {"entries": set(names), "metadata": text("METADATA") or "", "wheel": text("WHEEL") or "",
                "entry_points": text("entry_points.txt"), "payload": payload}


def read_sdist(path: str) -> dict:
    with tarfile.open(path, "r:gz") as sdist:
        members = [m for m in sdist.getmembers() if m.isfile()]
        top = {m.name.split("/")[0] for m in members}
        pkg_info = next((m for m in members if m.name.count("/") == 1 and m.name.endswith("/PKG-INFO")), None)
        text = sdist.extractfile(pkg_info).read().decode("utf-8") if pkg_info else ""
        return {"top": top, "members": {m.name.split("/", 1)[1] for m in members}, "pkg_info": text}


def differences(reference: tuple[str, str], ours: tuple[str, str]) -> list[tuple[str, str]]:
    """Every difference as (kind, entry); '-backend' kinds are what only the backend has, '-packd' only packd."""
    found: list[tuple[str, str]] = []

    def one_sided(kind: str, theirs, mine) -> None:
        for entry in sorted(theirs - mine):
            found.append((f"{kind}-only-backend", entry))
        for entry in sorted(mine - theirs):
            found.append((f"{kind}-only-packd", entry))

    ref_wheel, our_wheel = read_wheel(reference[0]), read_wheel(ours[0])
    one_sided("wheel", ref_wheel["entries"], our_wheel["entries"])
    for name in sorted(ref_wheel["payload"].keys() & our_wheel["payload"].keys()):
        if ref_wheel["payload"][name] != our_wheel["payload"][name]:
            found.append(("wheel-content", name))
    for kind, theirs_text, mine_text in (("metadata", ref_wheel["metadata"], our_wheel["metadata"]),
                                         ("wheel-file", ref_wheel["wheel"], our_wheel["wheel"])):
        theirs, their_body = header_fields(theirs_text)
        mine, my_body = header_fields(mine_text)
        one_sided(kind, set((theirs - mine).elements()), set((mine - theirs).elements()))
        if their_body.strip() != my_body.strip():
            found.append((f"{kind}-body", "the description bodies differ"))
    one_sided("entry-points", entry_points(ref_wheel["entry_points"]), entry_points(our_wheel["entry_points"]))

    ref_sdist, our_sdist = read_sdist(reference[1]), read_sdist(ours[1])
    one_sided("sdist-top", ref_sdist["top"], our_sdist["top"])
    one_sided("sdist", ref_sdist["members"], our_sdist["members"])
    theirs, their_body = header_fields(ref_sdist["pkg_info"])
    mine, my_body = header_fields(our_sdist["pkg_info"])
    one_sided("pkg-info", set((theirs - mine).elements()), set((mine - theirs).elements()))
    if their_body.strip() != my_body.strip():
        found.append(("pkg-info-body", "the description bodies differ"))
    return found


def load_case(case_dir: str) -> dict:
    path = case_dir.rstrip("/") + ".case.toml"
    if not os.path.exists(path):
        return {}
    with open(path, "rb") as f:
        return tomllib.load(f)


def prepare(case_dir: str, case: dict, target: str) -> str:
    if "base" in case:
        # A tree several backends' cases share (tests/conformance/trees/<base>); the case folder's own files go over it.
        shutil.copytree(os.path.join(TREES, case["base"]), target, symlinks=True)
    shutil.copytree(case_dir, target, symlinks=True, dirs_exist_ok=True)
    for relative, content in case.get("generate", {}).items():
        full = os.path.join(target, relative)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w", encoding="utf-8") as f:
            f.write(content)
    return target


def compare(backend: str, case_dir: str, packd: str) -> dict:
    if backend in expected.EXPECTED_ONLY_BACKENDS:
        # Not installable here: the reference is the file lists its documented rules give (expected.py).
        return expected.compare_with_expected(backend, case_dir, packd, sys.modules[__name__])
    case = load_case(case_dir)
    with tempfile.TemporaryDirectory(prefix="packd-conformance-") as temp:
        reference = build_with_backend(backend, prepare(case_dir, case, os.path.join(temp, "backend", "project")),
                                       os.path.join(temp, "backend-out"))
        ours = build_with_packd(packd, prepare(case_dir, case, os.path.join(temp, "packd", "project")),
                                os.path.join(temp, "packd-out"))
        found = differences(reference, ours)

    allowed = {(a["kind"], a["entry"]): a.get("reason", "") for a in case.get("allowed", [])}
    actual = set(found)
    return {
        "case": os.path.basename(case_dir.rstrip("/")),
        "backend": backend,
        "ok": actual == set(allowed),
        "unexpected": [{"kind": k, "entry": e} for k, e in found if (k, e) not in allowed],
        "allowed_seen": [{"kind": k, "entry": e, "reason": allowed[(k, e)]} for k, e in found if (k, e) in allowed],
        "allowed_not_seen": [{"kind": k, "entry": e, "reason": r} for (k, e), r in allowed.items() if (k, e) not in actual],
    }


def report_text(result: dict) -> str:
    lines = [f"{result['backend']}/{result['case']}: {'OK' if result['ok'] else 'DIFFERENT'}"]
    for d in result["unexpected"]:
        lines.append(f"  unexpected  {d['kind']:<22} {d['entry']}")
    for d in result["allowed_not_seen"]:
        lines.append(f"  stale allow {d['kind']:<22} {d['entry']}  (allowed, but no longer differs: remove it)")
    for d in result["allowed_seen"]:
        lines.append(f"  allowed     {d['kind']:<22} {d['entry']}  ({d['reason']})")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("case", help="tests/conformance/<backend>/<case>")
    parser.add_argument("--packd", required=True)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    case_dir = os.path.abspath(args.case)
    backend = os.path.basename(os.path.dirname(case_dir.rstrip("/")))
    try:
        result = compare(backend, case_dir, args.packd)
    except BuildFailed as failure:
        result = {"case": os.path.basename(case_dir), "backend": backend, "ok": False, "error": str(failure),
                  "unexpected": [], "allowed_seen": [], "allowed_not_seen": []}
        print(json.dumps(result, indent=1) if args.json else str(failure))
        return 2
    print(json.dumps(result, indent=1) if args.json else report_text(result))
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
