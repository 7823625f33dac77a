#!/usr/bin/env python3
"""Build the buildable fixtures with a reference backend and run validate_artifacts.py on them.

    python3 tests/python/build_fixtures.py [--out DIR] [--backend hatchling|packd] [--packd PATH]
        [--strict] [FIXTURE ...]

hatchling (default): Debian's /usr/bin/python3 calls hatchling.build in-process, with the
test-only `requirements_txt` hook shim on PYTHONPATH. packd: `packd build DIR --out OUT --wheel
--sdist --json`. Prints one line per fixture and exits 1 if any fixture fails.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
FIXTURES = os.path.join(ROOT, "tests", "fixtures")
DEBIAN_PYTHON = "/usr/bin/python3"

# fixture -> (import modules, console script). Fixtures not listed here are not meant to build
# with hatchling 1.12: broken-*, secrets (packd must refuse), requirements-setuptools (setuptools
# cannot read `-r`/`--hash` lines), license-expression (hatchling 1.12 predates PEP 639 lists).
BUILDABLE = {
    "flat": (["flat_pkg", "flat_pkg.util"], "flat-cli"),
    "src": (["src_pkg", "src_pkg.sub.helpers"], "src-cli"),
    "namespace": (["acme.shop", "acme.shop.cart"], "namespace-cli"),
    "single-module": (["tool"], "single-module-cli"),
    "flask-app": (["flask_app"], "flask-app-cli"),
    "requirements-includes": (["reqs_include"], "requirements-includes-cli"),
    "dynamic-version": (["dynver"], "dynamic-version-cli"),
}
# The README example lives outside tests/fixtures; its script prints the version and a serve hint.
EXAMPLES = {
    "flask-shop": (["flask_shop", "flask_shop.cli"], "flask-shop", "flask-shop 0.1.0: serve with `gunicorn wsgi:app`"),
}
PACKD_ONLY = {
    "license-expression": (["license_expr"], "license-expression-cli"),
    "requirements-setuptools": (["reqs_setuptools"], "requirements-setuptools-cli"),
}

HATCH_BUILD = """
import os, sys, hatchling.build as b
out = sys.argv[1]
print(b.build_wheel(out)); print(b.build_sdist(out))
"""


def build_hatchling(src: str, out: str) -> tuple[str, str]:
    env = {**os.environ, "PYTHONPATH": os.path.join(HERE, "hatch_shim"), "SOURCE_DATE_EPOCH": "1580601600"}
    r = subprocess.run([DEBIAN_PYTHON, "-c", HATCH_BUILD, out], cwd=src, env=env, capture_output=True, text=True)
    if r.returncode:
        raise RuntimeError(r.stderr[-3000:])
    wheel, sdist = r.stdout.split()[-2:]
    return os.path.join(out, wheel), os.path.join(out, sdist)


def build_packd(packd: str, src: str, out: str) -> tuple[str, str]:
    r = subprocess.run([packd, "build", src, "--out", out, "--wheel", "--sdist", "--json"],
                       capture_output=True, text=True)
    if r.returncode:
        raise RuntimeError((r.stdout + r.stderr)[-3000:])
    arts = {a["kind"]: a["path"] for a in json.loads(r.stdout)["artifacts"]}
    return arts["wheel"], arts["sdist"]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("fixtures", nargs="*")
    ap.add_argument("--out")
    ap.add_argument("--backend", choices=("hatchling", "packd"), default="hatchling")
    ap.add_argument("--packd", default="packd")
    ap.add_argument("--strict", action="store_true", help="pass --strict to the validator (default for packd)")
    args = ap.parse_args()
    table = {k: (*v, f"{k} ok") for k, v in BUILDABLE.items()}
    table.update(EXAMPLES)
    if args.backend == "packd":
        table.update({k: (*v, f"{k} ok") for k, v in PACKD_ONLY.items()})
    names = args.fixtures or sorted(table)
    out_root = args.out or tempfile.mkdtemp(prefix="packd-fixtures-")
    failures = 0
    for name in names:
        imports, script, expected_output = table[name]
        src = os.path.join(ROOT, "examples", name) if name in EXAMPLES else os.path.join(FIXTURES, name)
        out = os.path.join(out_root, name)
        shutil.rmtree(out, ignore_errors=True)
        os.makedirs(out)
        try:
            if args.backend == "hatchling":
                wheel, sdist = build_hatchling(src, out)
            else:
                wheel, sdist = build_packd(args.packd, src, out)
        except (RuntimeError, OSError, KeyError, ValueError) as e:
            failures += 1
            print(f"FAIL {name}: build failed\n{e}")
            continue
        cmd = [sys.executable, os.path.join(HERE, "validate_artifacts.py"), "--wheel", wheel, "--sdist", sdist,
               "--script", script, "--script-output", expected_output, "--json"]
        payload = os.path.join(HERE, "expected", f"{name}.wheel-payload.txt")
        if os.path.exists(payload):
            cmd += ["--wheel-expect-payload", "@" + payload]
        for mod in imports:
            cmd += ["--import", mod]
        if args.strict or args.backend == "packd":
            cmd.append("--strict")
        r = subprocess.run(cmd, capture_output=True, text=True)
        try:
            report = json.loads(r.stdout)
        except json.JSONDecodeError:
            failures += 1
            print(f"FAIL {name}: validator crashed\n{r.stderr[-3000:]}")
            continue
        if r.returncode:
            failures += 1
            print(f"FAIL {name}: " + ", ".join(report["failed"]))
            for c in report["checks"]:
                if not c["ok"] and not c.get("warning"):
                    print(f"    {c['name']}: {c.get('detail', '')[:400]}")
        else:
            print(f"ok   {name} ({len(report['checks'])} checks, warnings: {', '.join(report['warnings']) or 'none'})")
    print(f"artifacts in {out_root}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
