#!/usr/bin/env python3
"""Create the benchmark source trees under OUT (default .bench/trees).

    python3 bench/make_trees.py [--out .bench/trees] [--files 20000] [--botocore PATH]

botocore: a copy of an installed botocore package (no __pycache__) plus a pyproject.toml.
webapp:   a generated Flask-style app of exactly --files files (Python modules, Jinja
          templates, CSS, JS and valid PNG images), deterministic from a fixed seed.
Existing trees are kept when their stamp file matches the parameters (rebuild with --force).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import struct
import sys
import zlib

SEED = 20260101
PYPROJECT = """\
[build-system]
requires = ["{requires}"]
build-backend = "{backend}"

[project]
name = "{name}"
version = "{version}"
description = "{description}"
requires-python = ">=3.9"
"""
# flit_core and hatchling both read [project]; only build-backend differs, and the in-process
# bench driver (peer_build.py) picks the backend itself, so one tree serves both.


def find_botocore() -> str | None:
    try:
        import botocore  # noqa: F401
    except ImportError:
        return None
    return os.path.dirname(sys.modules["botocore"].__file__)


def write_pyproject(tree: str, name: str, version: str, description: str) -> None:
    with open(os.path.join(tree, "pyproject.toml"), "w", encoding="utf-8") as f:
        f.write(PYPROJECT.format(requires="hatchling", backend="hatchling.build", name=name, version=version,
                                 description=description))


def make_botocore(out: str, src: str) -> dict:
    tree = os.path.join(out, "botocore")
    shutil.copytree(src, os.path.join(tree, "botocore"), ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    version = "0.0.0"
    with open(os.path.join(src, "__init__.py"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("__version__"):
                version = line.split("=", 1)[1].strip().strip("'\"")
    write_pyproject(tree, "botocore", version, "Low-level, data-driven core of boto 3 (benchmark copy)")
    files = sum(len(fs) for _, _, fs in os.walk(os.path.join(tree, "botocore")))
    return {"tree": tree, "files": files, "version": version}


def png(rnd: random.Random, w: int, h: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    palette = [bytes(rnd.randrange(256) for _ in range(3)) for _ in range(4)]
    rows = b"".join(b"\0" + b"".join(palette[(x // 4 + y // 4) % 4] for x in range(w)) for y in range(h))
    ihdr = struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(rows, 6)) + chunk(b"IEND", b"")


WORDS = ("order cart user item price stock invoice payment shipment review coupon account session "
         "report export import search filter page layout theme").split()


def py_module(rnd: random.Random, mod: str) -> str:
    funcs = []
    for i in range(rnd.randint(3, 8)):
        a, b = rnd.sample(WORDS, 2)
        funcs.append(f"def {a}_{b}_{i}(value: int, scale: int = {rnd.randint(1, 9)}) -> int:\n"
                     f"    \"\"\"Compute the {a} {b} figure.\"\"\"\n"
                     f"    total = value * scale + {rnd.randint(0, 999)}\n"
                     f"    return total % {rnd.randint(100, 9999)}\n")
    return f'"""{mod}: generated benchmark module."""\n\nfrom __future__ import annotations\n\n\n' + "\n\n".join(funcs)


def template(rnd: random.Random, name: str) -> str:
    items = "\n".join(f'  <li class="{rnd.choice(WORDS)}">{{{{ {rnd.choice(WORDS)}.{rnd.choice(WORDS)} }}}}</li>'
                      for _ in range(rnd.randint(4, 20)))
    return f'{{% extends "base.html" %}}\n{{% block content %}}\n<h1>{name}</h1>\n<ul>\n{items}\n</ul>\n{{% endblock %}}\n'


def css(rnd: random.Random) -> str:
    return "".join(f".{rnd.choice(WORDS)}-{i} {{ margin: {rnd.randint(0, 32)}px; color: #{rnd.randrange(1 << 24):06x}; }}\n"
                   for i in range(rnd.randint(5, 40)))


def js(rnd: random.Random, name: str) -> str:
    body = "".join(f"  const {rnd.choice(WORDS)}{i} = {rnd.randint(0, 1000)};\n" for i in range(rnd.randint(3, 30)))
    return f"export function {name}() {{\n{body}  return {rnd.randint(0, 9)};\n}}\n"


def make_webapp(out: str, total: int) -> dict:
    rnd = random.Random(SEED)
    tree = os.path.join(out, "webapp")
    pkg = os.path.join(tree, "webapp")
    written = 0

    def put(rel: str, data: str | bytes) -> None:
        nonlocal written
        path = os.path.join(pkg, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(data.encode() if isinstance(data, str) else data)
        written += 1

    put("__init__.py", '"""Generated benchmark web app."""\n\n__version__ = "1.0.0"\n')
    put("templates/base.html", "<!doctype html>\n<html><body>{% block content %}{% endblock %}</body></html>\n")
    # Per blueprint: 40 modules, 30 templates, 10 css, 10 js, 10 png = 100 files.
    kinds = [("py", 40), ("html", 30), ("css", 10), ("js", 10), ("png", 10)]
    bp = 0
    while written < total:
        name = f"bp{bp:03d}"
        for kind, count in kinds:
            for i in range(count):
                if written >= total:
                    break
                if kind == "py":
                    rel = f"{name}/__init__.py" if i == 0 else f"{name}/m{i:02d}.py"
                    put(rel, "" if i == 0 else py_module(rnd, f"webapp.{name}.m{i:02d}"))
                elif kind == "html":
                    put(f"templates/{name}/page{i:02d}.html", template(rnd, f"{name} {i}"))
                elif kind == "css":
                    put(f"static/css/{name}/s{i:02d}.css", css(rnd))
                elif kind == "js":
                    put(f"static/js/{name}/c{i:02d}.js", js(rnd, f"{name}_{i}"))
                else:
                    put(f"static/img/{name}/i{i:02d}.png", png(rnd, rnd.choice((8, 16, 24)), rnd.choice((8, 16))))
        bp += 1
    write_pyproject(tree, "webapp", "1.0.0", "Generated 20k-file benchmark web app")
    return {"tree": tree, "files": written}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=".bench/trees")
    ap.add_argument("--files", type=int, default=20000)
    ap.add_argument("--botocore", default=None, help="botocore package dir (default: the importable one)")
    ap.add_argument("--force", action="store_true")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    stamp_path = os.path.join(args.out, "trees.json")
    want = {"files": args.files, "seed": SEED, "botocore": args.botocore or find_botocore()}
    if not args.force and os.path.exists(stamp_path):
        with open(stamp_path, encoding="utf-8") as f:
            have = json.load(f)
        if have.get("params") == want:
            print(f"trees up to date in {args.out}")
            return 0
    for d in ("botocore", "webapp"):
        shutil.rmtree(os.path.join(args.out, d), ignore_errors=True)
    info = {"params": want, "trees": {}}
    if want["botocore"] and not os.path.isfile(os.path.join(want["botocore"], "__init__.py")):
        print(f"{want['botocore']} is not a botocore package: skipping the botocore tree", file=sys.stderr)
    elif want["botocore"]:
        info["trees"]["botocore"] = make_botocore(args.out, want["botocore"])
    else:
        print("botocore not importable: skipping the botocore tree (pass --botocore DIR)", file=sys.stderr)
    info["trees"]["webapp"] = make_webapp(args.out, args.files)
    with open(stamp_path, "w", encoding="utf-8") as f:
        json.dump(info, f, indent=2)
    for name, t in info["trees"].items():
        print(f"{name}: {t['files']} files in {t['tree']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
