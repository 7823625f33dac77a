"""Producing one artifact (wheel or sdist) of the project in the current folder into a requested folder: through the
running daemon's ``build`` when one answers, else through ``packd build --no-daemon``. The file appears in the
requested folder by one rename, so a reader (pip) never sees half of it."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from typing import Any, Dict, Mapping, Optional

from .client import Client
from .discovery import find_packd
from .errors import BuildFailedError, DaemonUnavailableError, PackdError, RuntimeDirectoryError
from .protocol import Diagnostic

# A watch build may replace dist/'s file while we copy it; then we build again, this many times at most.
COPY_ATTEMPTS = 3
EXE_SETTING = "packd-exe"


def produce(kind: str, directory: str, config_settings: Optional[Mapping[str, Any]] = None) -> str:
    """Builds the ``kind`` ("wheel" or "sdist") of the project in the current folder into ``directory``; returns the
    file's basename."""
    root = os.getcwd()
    _refuse_self_delegation(root)
    os.makedirs(directory, exist_ok=True)
    settings = config_settings or {}
    if os.path.isfile(os.path.join(root, "PKG-INFO")) and _packd_or_none(settings):
        # An unpacked sdist (python -m build makes the wheel from one, in a temp folder about to be deleted): watching
        # it would only leave the daemon a dead workspace, so it is built in-process.
        _notice("an unpacked sdist (PKG-INFO) is built with 'packd build --no-daemon'; the daemon serves development trees")
        return _produce_in_process(kind, root, directory, settings)
    try:
        client = Client.connect(start=False)
    except (DaemonUnavailableError, RuntimeDirectoryError) as error:
        _notice(f"no daemon ({error}); building with 'packd build --no-daemon'")
        return _produce_in_process(kind, root, directory, settings)
    with client:
        try:
            return _produce_through_daemon(client, kind, root, directory)
        except BuildFailedError:
            raise
        except PackdError as error:
            _notice(f"the daemon failed ({error}); building with 'packd build --no-daemon'")
            return _produce_in_process(kind, root, directory, settings)


def _produce_through_daemon(client: Client, kind: str, root: str, directory: str) -> str:
    for _ in range(COPY_ATTEMPTS):
        report = client.build(root, wheel=kind == "wheel", sdist=kind == "sdist")
        artifact = report.artifact(kind)
        if not report.succeeded or artifact is None:
            raise BuildFailedError(_failure(kind, root, report.diagnostics))
        name = os.path.basename(artifact.path)
        if _copy_verified(artifact.path, artifact.sha256, os.path.join(directory, name)):
            return name
    raise BuildFailedError(f"the {kind} of {root} kept changing while it was copied (is something rewriting the tree?)")


def _copy_verified(source: str, sha256: str, destination: str) -> bool:
    """Copies to a temporary name next to ``destination``, then renames; False (nothing left behind) when the bytes are
    no longer the ones the build reported."""
    handle, temporary = tempfile.mkstemp(dir=os.path.dirname(destination), prefix=".packd-", suffix=".part")
    try:
        digest = hashlib.sha256()
        with open(source, "rb") as reader, os.fdopen(handle, "wb") as writer:
            for block in iter(lambda: reader.read(1 << 20), b""):
                digest.update(block)
                writer.write(block)
        if digest.hexdigest() != sha256:
            os.unlink(temporary)
            return False
        os.chmod(temporary, 0o644)
        os.replace(temporary, destination)
        return True
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise


def _produce_in_process(kind: str, root: str, directory: str, settings: Mapping[str, Any]) -> str:
    packd = find_packd(settings.get(EXE_SETTING))
    staging = tempfile.mkdtemp(dir=directory, prefix=".packd-")
    try:
        command = [packd, "build", root, "--no-daemon", f"--{kind}", "--out", staging, "--json"]
        result = subprocess.run(command, stdin=subprocess.DEVNULL, capture_output=True, check=False, cwd=root)
        output = _json_or_none(result.stdout)
        artifacts = [a for a in (output or {}).get("artifacts", []) if a.get("kind") == kind]
        if result.returncode != 0 or not artifacts:
            diagnostics = tuple(Diagnostic.from_json(d) for d in (output or {}).get("diagnostics", []))
            detail = _failure(kind, root, diagnostics)
            stderr = result.stderr.decode("utf-8", "replace").strip()
            raise BuildFailedError(f"{detail}\n'{' '.join(command)}' exited with {result.returncode}" + (f": {stderr}" if stderr else ""))
        built = artifacts[0]["path"]
        built = built if os.path.isabs(built) else os.path.join(root, built)
        name = os.path.basename(built)
        os.replace(built, os.path.join(directory, name))
        return name
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _packd_or_none(settings: Mapping[str, Any]) -> Optional[str]:
    try:
        return find_packd(settings.get(EXE_SETTING))
    except DaemonUnavailableError:
        return None


def _refuse_self_delegation(root: str) -> None:
    """packd builds a packd_client.backend project natively by itself; only an explicit [tool.packd] mode = "delegate"
    would make it hand the build back to this backend, that is packd asking itself, forever."""
    try:
        import tomllib  # Python 3.11+; older interpreters skip this check
    except ImportError:
        return
    try:
        with open(os.path.join(root, "pyproject.toml"), "rb") as file:
            document = tomllib.load(file)
    except (OSError, ValueError):
        return  # packd reports a missing or broken pyproject.toml itself, with its position
    backend = document.get("build-system", {}).get("build-backend")
    mode = document.get("tool", {}).get("packd", {}).get("mode")
    if backend == "packd_client.backend" and mode == "delegate":
        raise BuildFailedError(
            f"{os.path.join(root, 'pyproject.toml')}: build-backend = \"packd_client.backend\" with "
            "[tool.packd] mode = \"delegate\" would make packd hand the build back to this backend; remove the "
            "mode key (or write mode = \"native\").")


def _json_or_none(stdout: bytes) -> Optional[Dict[str, Any]]:
    try:
        value = json.loads(stdout.decode("utf-8"))
        return value if isinstance(value, dict) else None
    except (UnicodeDecodeError, ValueError):
        return None


def _failure(kind: str, root: str, diagnostics: "tuple[Diagnostic, ...]") -> str:
    lines = [f"packd could not build the {kind} of {root}:"]
    lines += [f"  {d}" for d in diagnostics] or ["  (no diagnostics were reported)"]
    return "\n".join(lines)


def _notice(text: str) -> None:
    # PEP 517 frontends show a hook's stderr; a silent change of route would hide a daemon problem.
    print(f"packd_client.backend: {text}", file=sys.stderr)


__all__ = ["produce"]
