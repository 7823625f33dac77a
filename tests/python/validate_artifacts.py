#!/usr/bin/env python3
"""Validate one wheel and/or one sdist against the PyPA specs and print a report.

Exit status 0 only when every (non-warning) check passes. Each check has a stable dotted name
(e.g. `wheel.record.hashes`) so the .NET tests can assert on it.

    python3 tests/python/validate_artifacts.py --wheel W --sdist S --import flask_shop \
        --script flask-shop --script-output "flask-shop 0.1.0" --json

Stdlib only (Requires-Dist uses `packaging` or pip's vendored copy; installs use pip).
"""

from __future__ import annotations

import argparse
import base64
import configparser
import csv
import gzip
import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from collections import Counter

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import coremeta  # noqa: E402

TWINE = "/usr/bin/twine"
MAX_DETAIL_ITEMS = 20


class Report:
    def __init__(self) -> None:
        self.checks: list[dict] = []

    def add(self, name: str, ok: bool, detail: str = "", warn_only: bool = False) -> bool:
        entry = {"name": name, "ok": bool(ok)}
        if not ok:
            entry["detail"] = detail
            if warn_only:
                entry["warning"] = True
        self.checks.append(entry)
        return bool(ok)

    def add_list(self, name: str, problems: list[str], warn_only: bool = False) -> bool:
        shown = problems[:MAX_DETAIL_ITEMS]
        more = f" (+{len(problems) - len(shown)} more)" if len(problems) > len(shown) else ""
        return self.add(name, not problems, "; ".join(shown) + more, warn_only)

    @property
    def failed(self) -> list[dict]:
        return [c for c in self.checks if not c["ok"] and not c.get("warning")]

    @property
    def warnings(self) -> list[dict]:
        return [c for c in self.checks if not c["ok"] and c.get("warning")]


def record_hash(data: bytes) -> str:
    return "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode("ascii")


def read_entry_points(text: str) -> list[tuple[str, str, str]]:
    cp = configparser.ConfigParser(delimiters=("=",), interpolation=None)
    cp.optionxform = str  # entry point names are case-sensitive
    cp.read_string(text)
    return sorted((g, n, v) for g in cp.sections() for n, v in cp.items(g))


# --------------------------------------------------------------------------- wheel

def check_wheel(path: str, rep: Report, strict_version: bool, strict_order: bool) -> dict | None:
    info: dict = {}
    base = os.path.basename(path)
    m = re.fullmatch(r"([^-]+)-([^-]+)-py3-none-any\.whl", base)
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as e:
        rep.add("wheel.zip_opens", False, str(e))
        return None
    rep.add("wheel.zip_opens", True)
    with zf:
        bad = zf.testzip()
        rep.add("wheel.zip_testzip", bad is None, f"first bad entry: {bad}")
        infos = zf.infolist()
        names = [i.filename for i in infos]
        dist_infos = sorted({n.split("/", 1)[0] for n in names if n.split("/", 1)[0].endswith(".dist-info")})
        if not rep.add("wheel.single_dist_info", len(dist_infos) == 1, f"dist-info dirs: {dist_infos}"):
            return None
        di = dist_infos[0]
        meta_bytes = zf.read(f"{di}/METADATA") if f"{di}/METADATA" in names else b""
        rep.add("wheel.metadata_present", bool(meta_bytes), f"{di}/METADATA missing")
        meta_text = meta_bytes.decode("utf-8", errors="replace")
        fields = coremeta.check_metadata(meta_text, "METADATA", strict_version, rep.add)
        name = (fields.get("Name") or [""])[0]
        version = (fields.get("Version") or [""])[0]
        body = coremeta.parse_metadata(meta_text)[1] or ""
        info.update(name=name, version=version, metadata=fields, body=body, has_body=bool(body.strip()))
        esc = coremeta.escape_name(name)
        canon = coremeta.canonical_version(version) or version
        rep.add("wheel.filename_pep427", bool(m) and m[1] == esc and m[2] == canon,
                f"{base!r}; expected {esc}-{canon}-py3-none-any.whl")
        rep.add("wheel.dist_info_name", di == f"{esc}-{canon}.dist-info", f"{di!r}; expected {esc}-{canon}.dist-info")

        # Order: payload first, dist-info last, RECORD very last; names sorted inside each part.
        payload = [n for n in names if not n.startswith(di + "/")]
        meta_part = [n for n in names if n.startswith(di + "/")]
        rep.add("wheel.dist_info_last", names == payload + meta_part, "dist-info entries interleaved with payload")
        rep.add("wheel.record_last", bool(names) and names[-1] == f"{di}/RECORD", f"last entry is {names[-1:]}")
        # The spec allows any order; sorted order is packd's determinism rule (hatchling writes a
        # directory's files before its subdirectories), so it only fails under --strict-order.
        unsorted = [f"{a} before {b}" for a, b in zip(payload, payload[1:]) if a > b]
        rep.add_list("wheel.payload_sorted", unsorted, warn_only=not strict_order)
        meta_wo_record = [n for n in meta_part if n != f"{di}/RECORD"]
        rep.add("wheel.dist_info_sorted", meta_wo_record == sorted(meta_wo_record),
                f"dist-info order: {meta_wo_record}", warn_only=not strict_order)
        rep.add_list("wheel.no_directory_entries", [n for n in names if n.endswith("/")])
        rep.add_list("wheel.no_duplicate_entries", sorted(n for n, c in Counter(names).items() if c > 1))
        rep.add_list("wheel.create_system_unix", [f"{i.filename}: {i.create_system}" for i in infos
                                                  if i.create_system != 3])
        bad_modes = []
        for i in infos:
            mode = (i.external_attr >> 16) & 0o7777
            ftype = (i.external_attr >> 16) & 0o170000
            if mode not in (0o644, 0o755) or ftype not in (0, 0o100000):
                bad_modes.append(f"{i.filename}: {oct(i.external_attr >> 16)}")
        rep.add_list("wheel.modes_644_755", bad_modes)
        stamps = {i.date_time for i in infos}
        rep.add("wheel.timestamps_equal", len(stamps) == 1, f"{len(stamps)} distinct timestamps: {sorted(stamps)[:3]}")
        rep.add_list("wheel.no_data_descriptor", [i.filename for i in infos if i.flag_bits & 0x08], warn_only=True)

        # RECORD
        record_name = f"{di}/RECORD"
        problems = []
        rows = []
        if record_name in names:
            raw = zf.read(record_name).decode("utf-8")
            rows = list(csv.reader(io.StringIO(raw)))
        rep.add("wheel.record_present", bool(rows), "RECORD missing or empty")
        seen: dict[str, int] = {}
        for row in rows:
            if len(row) != 3:
                problems.append(f"row with {len(row)} fields: {row}")
                continue
            seen[row[0]] = seen.get(row[0], 0) + 1
        rep.add_list("wheel.record_each_entry_once",
                     [f"{n} listed {seen.get(n, 0)} times" for n in names if seen.get(n, 0) != 1]
                     + [f"{n} listed but not in archive" for n in seen if n not in names] + problems)
        hash_problems = []
        for row in rows:
            if len(row) != 3 or row[0] not in names:
                continue
            p, h, size = row
            if p == record_name:
                if h or size:
                    hash_problems.append(f"RECORD's own row must be '{record_name},,' got {row}")
                continue
            data = zf.read(p)
            if h != record_hash(data):
                hash_problems.append(f"{p}: hash {h!r}, actual {record_hash(data)}")
            if size != str(len(data)):
                hash_problems.append(f"{p}: size {size!r}, actual {len(data)}")
        rep.add_list("wheel.record_hashes_sizes", hash_problems)

        # WHEEL
        wheel_name = f"{di}/WHEEL"
        wtext = zf.read(wheel_name).decode("utf-8") if wheel_name in names else ""
        wlines = [ln for ln in wtext.splitlines() if ln.strip()]
        wf: dict[str, list[str]] = {}
        for ln in wlines:
            k, _, v = ln.partition(":")
            wf.setdefault(k, []).append(v.strip())
        wp = []
        if wf.get("Wheel-Version") != ["1.0"]:
            wp.append(f"Wheel-Version {wf.get('Wheel-Version')}")
        if len(wf.get("Generator", [])) != 1 or not wf["Generator"][0]:
            wp.append(f"Generator {wf.get('Generator')}")
        if wf.get("Root-Is-Purelib") != ["true"]:
            wp.append(f"Root-Is-Purelib {wf.get('Root-Is-Purelib')}")
        if wf.get("Tag") != ["py3-none-any"]:
            wp.append(f"Tag {wf.get('Tag')}")
        extra = set(wf) - {"Wheel-Version", "Generator", "Root-Is-Purelib", "Tag"}
        if extra:
            wp.append(f"unexpected fields {sorted(extra)}")
        rep.add_list("wheel.wheel_file_fields", wp if wtext else ["WHEEL missing"])

        ep_name = f"{di}/entry_points.txt"
        eps = []
        if ep_name in names:
            try:
                eps = read_entry_points(zf.read(ep_name).decode("utf-8"))
                rep.add("wheel.entry_points_parse", True)
            except configparser.Error as e:
                rep.add("wheel.entry_points_parse", False, str(e))
        info["entry_points"] = eps
        # PEP 639: every License-File is shipped under dist-info/licenses/.
        lic_missing = [f for f in fields.get("License-File", []) if f"{di}/licenses/{f}" not in names]
        rep.add_list("wheel.license_files_in_dist_info", lic_missing)
        info["files"] = names
    return info


# --------------------------------------------------------------------------- install

PROBE = r"""
import hashlib, base64, importlib, importlib.metadata as md, json, os, sys
name, modules = sys.argv[1], sys.argv[2:]
out = {"imports": {}, "record": []}
for mod in modules:
    try:
        importlib.import_module(mod); out["imports"][mod] = None
    except BaseException as e:
        out["imports"][mod] = f"{type(e).__name__}: {e}"
dist = md.distribution(name)
out["version"] = dist.version
out["requires"] = dist.requires or []
out["entry_points"] = sorted([e.group, e.name, e.value] for e in dist.entry_points)
for f in dist.files or []:
    p = f.locate()
    row = [str(f), None]
    if not os.path.isfile(p):
        row[1] = "missing"
    elif f.hash is not None:
        data = open(p, "rb").read()
        digest = base64.urlsafe_b64encode(hashlib.new(f.hash.mode, data).digest()).rstrip(b"=").decode()
        if digest != f.hash.value: row[1] = f"hash {f.hash.value} != {digest}"
        elif f.size is not None and f.size != len(data): row[1] = f"size {f.size} != {len(data)}"
    out["record"].append(row)
print(json.dumps(out))
"""


def check_install(wheel: str, winfo: dict, args, rep: Report, keep: str | None) -> None:
    tmp = tempfile.mkdtemp(prefix="packd-validate-venv-")
    try:
        venv = os.path.join(tmp, "venv")
        r = subprocess.run([sys.executable, "-m", "venv", "--without-pip", venv], capture_output=True, text=True)
        if not rep.add("install.venv_created", r.returncode == 0, r.stderr[-2000:]):
            return
        py = os.path.join(venv, "bin", "python")
        r = subprocess.run([sys.executable, "-m", "pip", "--python", py, "install", "--no-index", "--no-deps",
                            "--no-compile", "--disable-pip-version-check", "-q", wheel],
                           capture_output=True, text=True)
        if not rep.add("install.pip_install", r.returncode == 0, (r.stdout + r.stderr)[-3000:]):
            return
        r = subprocess.run([py, "-c", PROBE, winfo["name"], *args.imports], capture_output=True, text=True,
                           cwd=tmp, env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "PYTHONPATH": ""})
        if not rep.add("install.probe_ran", r.returncode == 0, r.stderr[-3000:]):
            return
        probe = json.loads(r.stdout)
        for mod, err in probe["imports"].items():
            rep.add(f"install.import[{mod}]", err is None, str(err))
        rep.add("install.metadata_version_seen", probe["version"] == winfo["version"],
                f"importlib.metadata version {probe['version']!r}, wheel {winfo['version']!r}")
        want_req = winfo["metadata"].get("Requires-Dist", [])
        rep.add("install.metadata_requires_seen", probe["requires"] == want_req,
                f"importlib.metadata {probe['requires']}, wheel {want_req}")
        got_eps = [tuple(e) for e in probe["entry_points"]]
        rep.add("install.entry_points_seen", got_eps == winfo["entry_points"],
                f"importlib.metadata {got_eps}, wheel {winfo['entry_points']}")
        rep.add_list("install.record_matches_files", [f"{p}: {err}" for p, err in probe["record"] if err])
        rep.add("install.record_nonempty", bool(probe["record"]), "installed distribution lists no files")
        outputs = args.script_outputs or []
        for idx, script in enumerate(args.scripts):
            exe = os.path.join(venv, "bin", script)
            if not rep.add(f"install.script[{script}].exists", os.path.isfile(exe), f"{exe} not created"):
                continue
            r = subprocess.run([exe], capture_output=True, text=True, cwd=tmp, timeout=60)
            rep.add(f"install.script[{script}].exit_0", r.returncode == 0, (r.stdout + r.stderr)[-2000:])
            if idx < len(outputs):
                want = outputs[idx]
                rep.add(f"install.script[{script}].output", r.stdout.rstrip("\r\n") == want.rstrip("\r\n"),
                        f"stdout {r.stdout!r}, expected {want!r}")
    finally:
        if keep:
            shutil.copytree(tmp, keep, dirs_exist_ok=True)
        shutil.rmtree(tmp, ignore_errors=True)


# --------------------------------------------------------------------------- sdist

def raw_tar_headers(data: bytes) -> list[tuple[str, bytes, bytes]]:
    """(name, typeflag, magic+version) of every 512-byte header, walked by hand."""
    out, pos = [], 0
    while pos + 512 <= len(data):
        block = data[pos:pos + 512]
        if block == b"\0" * 512:
            break
        name = block[0:100].split(b"\0", 1)[0].decode("utf-8", "replace")
        size_field = block[124:136].split(b"\0", 1)[0].strip() or b"0"
        size = int(size_field, 8)
        out.append((name, block[156:157], block[257:265]))
        pos += 512 + (size + 511) // 512 * 512
    return out


def check_sdist(path: str, rep: Report, strict_version: bool, expect_members: list[str] | None) -> dict | None:
    info: dict = {}
    base = os.path.basename(path)
    with open(path, "rb") as f:
        raw = f.read()
    # gzip header: ID1 ID2 CM FLG MTIME(4, LE) XFL OS
    gz_ok = len(raw) >= 10 and raw[:3] == b"\x1f\x8b\x08"
    rep.add("sdist.gzip_magic", gz_ok, f"header {raw[:10].hex()}")
    if not gz_ok:
        return None
    flags = raw[3]
    gz_mtime = int.from_bytes(raw[4:8], "little")
    rep.add("sdist.gzip_no_fname", not flags & 0x08, f"FLG={flags:#04x} has FNAME set")
    try:
        tar_bytes = gzip.decompress(raw)
        tf = tarfile.open(path, "r:gz")
    except (OSError, tarfile.TarError, EOFError) as e:
        rep.add("sdist.tar_opens", False, str(e))
        return None
    rep.add("sdist.tar_opens", True)
    with tf:
        members = tf.getmembers()
        tops = sorted({m.name.split("/", 1)[0] for m in members})
        rep.add("sdist.single_top_folder", len(tops) == 1, f"top-level entries: {tops}")
        top = tops[0] if tops else ""
        names = [m.name for m in members]
        rep.add_list("sdist.no_duplicate_members", sorted(n for n, c in Counter(names).items() if c > 1))
        rep.add_list("sdist.members_regular_files", [f"{m.name}: type {m.type!r}" for m in members if not m.isreg()])
        rep.add_list("sdist.owner_root_unnamed", [f"{m.name}: {m.uid}/{m.gid} {m.uname!r}/{m.gname!r}"
                                                  for m in members if m.uid or m.gid or m.uname or m.gname])
        rep.add_list("sdist.modes_644_755", [f"{m.name}: {oct(m.mode)}" for m in members
                                             if m.isreg() and m.mode not in (0o644, 0o755)])
        mtimes = {m.mtime for m in members}
        rep.add("sdist.mtimes_equal", len(mtimes) == 1, f"{len(mtimes)} distinct mtimes: {sorted(mtimes)[:3]}")
        if len(mtimes) == 1:
            only = next(iter(mtimes))
            rep.add("sdist.gzip_mtime_matches", gz_mtime == int(only),
                    f"gzip MTIME {gz_mtime}, member mtime {only}")
        gnu_types = {tarfile.GNUTYPE_LONGNAME, tarfile.GNUTYPE_LONGLINK, tarfile.GNUTYPE_SPARSE}
        rep.add_list("sdist.no_gnu_members", [m.name for m in members if m.type in gnu_types])
        headers = raw_tar_headers(tar_bytes)
        rep.add_list("sdist.raw_headers_ustar_pax",
                     [f"{n}: magic {mg!r} type {t!r}" for n, t, mg in headers
                      if mg != b"ustar\x0000" or t not in (b"0", b"x", b"g", b"5")])
        rep.add_list("sdist.no_unsafe_paths", [n for n in names if n.startswith("/") or ".." in n.split("/")])

        pkg = tf.extractfile(f"{top}/PKG-INFO") if f"{top}/PKG-INFO" in names else None
        rep.add("sdist.pkg_info_present", pkg is not None, f"{top}/PKG-INFO missing")
        rep.add("sdist.pyproject_present", f"{top}/pyproject.toml" in names, f"{top}/pyproject.toml missing")
        fields, has_body, body = {}, False, ""
        if pkg is not None:
            text = pkg.read().decode("utf-8", errors="replace")
            body = coremeta.parse_metadata(text)[1] or ""
            has_body = bool(body.strip())
            fields = coremeta.check_metadata(text, "PKG-INFO", strict_version, rep.add)
        name = (fields.get("Name") or [""])[0]
        version = (fields.get("Version") or [""])[0]
        esc, canon = coremeta.escape_name(name), coremeta.canonical_version(version) or version
        rep.add("sdist.filename_pep625", base == f"{esc}-{canon}.tar.gz", f"{base!r}; expected {esc}-{canon}.tar.gz")
        rep.add("sdist.top_folder_name", top == f"{esc}-{canon}", f"{top!r}; expected {esc}-{canon}")
        lic_missing = [f for f in fields.get("License-File", []) if f"{top}/{f}" not in names]
        rep.add_list("sdist.license_files_present", lic_missing)
        rel = sorted(n[len(top) + 1:] for n in names if n.startswith(top + "/"))
        if expect_members is not None:
            compare_members(rep, "sdist.expected_members", expect_members, rel)
        if not hasattr(tarfile, "data_filter"):
            rep.add("sdist.extract_data_filter", False,
                    f"this Python ({sys.version.split()[0]}) has no tarfile data filter; run with Python >= 3.11.4")
        else:
            with tempfile.TemporaryDirectory(prefix="packd-validate-sdist-") as tmp:
                try:
                    tf.extractall(tmp, filter="data")
                    rep.add("sdist.extract_data_filter", True)
                except (tarfile.TarError, OSError) as e:
                    rep.add("sdist.extract_data_filter", False, f"{type(e).__name__}: {e}")
        info.update(name=name, version=version, metadata=fields, members=rel, has_body=has_body, body=body)
    return info


# --------------------------------------------------------------------------- main

def run_twine(paths: list[str], rep: Report, versions: list[str], bodies: list[bool]) -> None:
    if not os.path.exists(TWINE):
        rep.add("twine.check", False, f"{TWINE} not installed", warn_only=True)
        return
    for path, version, has_body in zip(paths, versions, bodies):
        if version not in ("2.1", "2.2"):
            continue  # twine 4.0 (pkginfo) predates Metadata-Version 2.3/2.4
        kind = "wheel" if path.endswith(".whl") else "sdist"
        r = subprocess.run([TWINE, "--no-color", "check", path], capture_output=True, text=True,
                           env={**os.environ, "COLUMNS": "200"})
        out = (r.stdout + r.stderr).strip()
        # twine 4.0 reports an empty description as an RST rendering error; a project without a
        # readme is legal, so only that exact complaint is tolerated when the body is empty.
        benign = (not has_body and "No content rendered from RST source" in out
                  and out.count("ERROR") == 1)
        rep.add(f"twine.check[{kind}]", r.returncode == 0 or benign, out[-3000:],
                warn_only=benign and r.returncode != 0)
        warnings = [ln.strip() for ln in out.splitlines() if ln.startswith("WARNING")
                    and not (not has_body and "long_description" in ln)]
        rep.add_list(f"twine.no_warnings[{kind}]", warnings, warn_only=True)


def read_list(value: str | None) -> list[str] | None:
    """`a,b,c` or `@FILE` (one entry per line, '#' comments)."""
    if value is None:
        return None
    if value.startswith("@"):
        with open(value[1:], encoding="utf-8") as f:
            return [ln.strip() for ln in f if ln.strip() and not ln.lstrip().startswith("#")]
    return [s.strip() for s in value.split(",") if s.strip()]


def compare_members(rep: Report, name: str, want: list[str], have: list[str]) -> None:
    want_set, have_set = set(want), set(have)
    rep.add_list(name, [f"missing {n}" for n in sorted(want_set - have_set)]
                 + [f"unexpected {n}" for n in sorted(have_set - want_set)])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--wheel")
    ap.add_argument("--sdist")
    ap.add_argument("--import", dest="imports", action="append", default=[], metavar="MODULE")
    ap.add_argument("--script", dest="scripts", action="append", default=[], metavar="NAME")
    ap.add_argument("--script-output", dest="script_outputs", action="append", default=[], metavar="TEXT",
                    help="expected stdout of the Nth --script (trailing newline ignored)")
    ap.add_argument("--sdist-expect-members", metavar="LIST",
                    help="exact member list relative to the top folder: comma-separated, or @FILE with one per line")
    ap.add_argument("--wheel-expect-payload", metavar="LIST",
                    help="exact wheel entries outside .dist-info: comma-separated, or @FILE with one per line")
    ap.add_argument("--strict-metadata-version", action="store_true",
                    help="Metadata-Version must be the lowest the fields need (PKG-INFO >= 2.2, "
                         "2.4 iff PEP 639 fields); without it these checks only warn")
    ap.add_argument("--strict-order", action="store_true",
                    help="wheel payload and dist-info entries must be in sorted order (packd's rule)")
    ap.add_argument("--strict", action="store_true",
                    help="both --strict-metadata-version and --strict-order: what packd output must meet")
    ap.add_argument("--no-install", action="store_true", help="skip the venv install checks")
    ap.add_argument("--no-twine", action="store_true")
    ap.add_argument("--keep-venv", metavar="DIR", help="copy the install venv here for debugging")
    ap.add_argument("--json", action="store_true", help="print the JSON report (default: text)")
    args = ap.parse_args(argv)
    if args.strict:
        args.strict_metadata_version = args.strict_order = True
    if not args.wheel and not args.sdist:
        ap.error("give --wheel and/or --sdist")

    expect = read_list(args.sdist_expect_members)
    expect_payload = read_list(args.wheel_expect_payload)

    rep = Report()
    twine_paths, twine_versions, twine_bodies = [], [], []
    winfo = sinfo = None
    if args.wheel:
        winfo = check_wheel(args.wheel, rep, args.strict_metadata_version, args.strict_order)
        if winfo and expect_payload is not None:
            di = f"{coremeta.escape_name(winfo['name'])}-{winfo['version']}.dist-info/"
            compare_members(rep, "wheel.expected_payload", expect_payload,
                            [n for n in winfo["files"] if not n.startswith(di)])
        if winfo:
            twine_paths.append(args.wheel)
            twine_versions.append((winfo["metadata"].get("Metadata-Version") or [""])[0])
            twine_bodies.append(winfo["has_body"])
            if not args.no_install:
                check_install(args.wheel, winfo, args, rep, args.keep_venv)
    if args.sdist:
        sinfo = check_sdist(args.sdist, rep, args.strict_metadata_version, expect)
        if sinfo:
            twine_paths.append(args.sdist)
            twine_versions.append((sinfo["metadata"].get("Metadata-Version") or [""])[0])
            twine_bodies.append(sinfo["has_body"])
    if winfo and sinfo:
        rep.add("pair.same_name_version", (winfo["name"], winfo["version"]) == (sinfo["name"], sinfo["version"]),
                f"wheel {winfo['name']} {winfo['version']}, sdist {sinfo['name']} {sinfo['version']}")
        wm = {k: v for k, v in winfo["metadata"].items() if k not in ("Metadata-Version", "Dynamic")}
        sm = {k: v for k, v in sinfo["metadata"].items() if k not in ("Metadata-Version", "Dynamic")}
        diff = sorted(k for k in set(wm) | set(sm)
                      if wm.get(k) != sm.get(k) and k not in sinfo["metadata"].get("Dynamic", []))
        rep.add("pair.metadata_consistent", not diff, "fields differ between METADATA and PKG-INFO: "
                + ", ".join(diff))
        rep.add("pair.description_consistent", winfo["body"] == sinfo["body"],
                "the description body differs between METADATA and PKG-INFO")
    if not args.no_twine and twine_paths:
        run_twine(twine_paths, rep, twine_versions, twine_bodies)

    failed = rep.failed
    result = {
        "ok": not failed,
        "wheel": args.wheel,
        "sdist": args.sdist,
        "failed": [c["name"] for c in failed],
        "warnings": [c["name"] for c in rep.warnings],
        "checks": rep.checks,
    }
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        for c in rep.checks:
            if not c["ok"]:
                print(f"{'WARN' if c.get('warning') else 'FAIL'} {c['name']}: {c.get('detail', '')}")
        print(f"{'OK' if not failed else 'FAILED'}: {len(rep.checks) - len(failed)}/{len(rep.checks)} checks passed"
              + (f", {len(rep.warnings)} warnings" if rep.warnings else ""))
    return 0 if not failed else 1


if __name__ == "__main__":
    sys.exit(main())
