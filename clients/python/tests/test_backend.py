"""packd_client.backend through real frontends: the hooks called in a venv that holds packd_client's own packd-built
wheel, and pip installing a fixture project (regular and editable) with build-backend = "packd_client.backend"."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Dict, List, Optional

import pytest

from conftest import CLIENT_ROOT
from packd_client import Client

# Arguments travel as JSON so that None (config_settings) arrives as None.
HOOK_RUNNER = ("import json, sys, packd_client.backend as b; "
               "print(json.dumps(getattr(b, sys.argv[1])(*map(json.loads, sys.argv[2:]))))")


@pytest.fixture(scope="session")
def client_wheel(packd_exe: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """packd_client's wheel, built by packd itself (dogfooding) without a daemon."""
    out = tmp_path_factory.mktemp("client-wheel")
    subprocess.run([packd_exe, "build", str(CLIENT_ROOT), "--no-daemon", "--wheel", "--out", str(out)],
                   check=True, capture_output=True, env={**os.environ, "PACKD_NO_DAEMON": "1"})
    (wheel,) = out.glob("packd_client-*.whl")
    return wheel


def make_venv(path: Path, client_wheel: Path) -> Path:
    """A venv (no system site-packages) holding only pip and packd_client installed from its packd-built wheel."""
    subprocess.run([sys.executable, "-m", "venv", str(path)], check=True, capture_output=True)
    pip(path, "install", "--no-index", "--no-deps", str(client_wheel))
    return path


@pytest.fixture(scope="session")
def venv(tmp_path_factory: pytest.TempPathFactory, client_wheel: Path) -> Path:
    """Shared by the tests that only call hooks (they install nothing into it)."""
    return make_venv(tmp_path_factory.mktemp("hooks") / "venv", client_wheel)


@pytest.fixture
def fresh_venv(tmp_path: Path, client_wheel: Path) -> Path:
    """One per pip test, so an install never meets a previous test's."""
    return make_venv(tmp_path / "venv", client_wheel)


def pip(venv_path: Path, *args: str) -> str:
    result = subprocess.run([str(venv_path / "bin" / "python"), "-m", "pip", "--disable-pip-version-check", *args],
                            capture_output=True, text=True, env=os.environ.copy())
    assert result.returncode == 0, f"pip {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout + result.stderr


def run_hook(venv_path: Path, project: Path, hook: str, *args: Optional[str]) -> "subprocess.CompletedProcess[str]":
    """Calls one hook as a frontend does: in a subprocess whose working folder is the project."""
    return subprocess.run([str(venv_path / "bin" / "python"), "-c", HOOK_RUNNER, hook, *map(json.dumps, args)], cwd=project,
                          capture_output=True, text=True, env=os.environ.copy())


def hook_value(result: "subprocess.CompletedProcess[str]") -> object:
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def venv_python(venv_path: Path, code: str) -> str:
    return subprocess.run([str(venv_path / "bin" / "python"), "-c", code], check=True, capture_output=True,
                          text=True, cwd="/").stdout.strip()


def site_packages(venv_path: Path) -> Path:
    return Path(venv_python(venv_path, "import sysconfig; print(sysconfig.get_paths()['purelib'])"))


def daemon_workspaces() -> List[str]:
    with Client.connect(start=False) as client:
        return [w.root for w in client.status().workspaces]


def test_packd_built_client_wheel_installs_with_py_typed(venv: Path) -> None:
    location = venv_python(venv, "import packd_client.backend, os; print(os.path.dirname(packd_client.__file__))")
    assert location.startswith(str(site_packages(venv)))
    assert Path(location, "py.typed").is_file()


def test_get_requires_hooks_return_nothing(venv: Path, project: Path) -> None:
    for hook in ("get_requires_for_build_wheel", "get_requires_for_build_sdist", "get_requires_for_build_editable"):
        assert hook_value(run_hook(venv, project, hook)) == []


def test_without_a_daemon_the_hooks_fall_back_to_packd_no_daemon(venv: Path, project: Path, runtime_dir: str, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run_hook(venv, project, "build_wheel", str(out))
    name = hook_value(result)
    assert name == "greet-1.2.0-py3-none-any.whl"
    assert "packd build --no-daemon" in result.stderr
    assert sorted(p.name for p in out.iterdir()) == [name]  # the staging folder is gone, nothing half-written
    assert not Path(runtime_dir, "daemon.json").exists()  # a backend never starts a daemon behind pip's back
    with zipfile.ZipFile(out / name) as wheel:
        assert "greet/__init__.py" in wheel.namelist()


def test_with_a_daemon_the_hooks_are_served_by_it(venv: Path, project: Path, runtime_dir: str, tmp_path: Path) -> None:
    Client.connect().close()  # the user's daemon is running
    result = run_hook(venv, project, "build_sdist", str(tmp_path / "sdists"))
    name = hook_value(result)
    assert name == "greet-1.2.0.tar.gz"
    assert "no daemon" not in result.stderr
    assert str(project) in daemon_workspaces()
    # The copy in the requested folder is byte for byte the daemon's artifact in the project's dist/.
    assert (tmp_path / "sdists" / name).read_bytes() == (project / "dist" / name).read_bytes()


def test_prepared_metadata_equals_the_wheels_own_dist_info_byte_for_byte(venv: Path, project: Path, runtime_dir: str, tmp_path: Path) -> None:
    Client.connect().close()
    metadata_dir, wheel_dir = tmp_path / "metadata", tmp_path / "wheels"
    dist_info = hook_value(run_hook(venv, project, "prepare_metadata_for_build_wheel", str(metadata_dir)))
    assert dist_info == "greet-1.2.0.dist-info"
    assert sorted(p.name for p in metadata_dir.iterdir()) == [dist_info]
    wheel_name = hook_value(run_hook(venv, project, "build_wheel", str(wheel_dir), None, str(metadata_dir / dist_info)))
    prepared: Dict[str, bytes] = {p.relative_to(metadata_dir).as_posix(): p.read_bytes()
                                  for p in (metadata_dir / dist_info).rglob("*") if p.is_file()}
    with zipfile.ZipFile(wheel_dir / str(wheel_name)) as wheel:
        own = {n: wheel.read(n) for n in wheel.namelist() if n.startswith(dist_info + "/")}
    assert set(prepared) == set(own) and {"METADATA", "WHEEL", "RECORD", "entry_points.txt"} <= {n.split("/")[1] for n in own}
    for name, data in own.items():
        assert prepared[name] == data, f"{name} differs between prepare_metadata_for_build_wheel and the wheel"


def test_pip_install_through_the_backend_then_import(fresh_venv: Path, project: Path, runtime_dir: str) -> None:
    venv = fresh_venv
    Client.connect().close()
    pip(venv, "install", "--no-build-isolation", "--no-index", "--no-deps", str(project))
    assert str(project) in daemon_workspaces()  # pip's build was served by the daemon
    assert venv_python(venv, "import greet; print(greet.message())") == "hello"
    assert subprocess.run([str(venv / "bin" / "greet")], check=True, capture_output=True, text=True).stdout == "hello\n"
    assert (site_packages(venv) / "greet" / "__init__.py").is_file()


def test_pip_install_editable_serves_edits_without_reinstall(fresh_venv: Path, project: Path, runtime_dir: str) -> None:
    venv = fresh_venv
    Client.connect().close()
    pip(venv, "install", "--no-build-isolation", "--no-index", "--no-deps", "-e", str(project))
    site = site_packages(venv)
    # A plain path .pth, no import hook, and no copy of the code in site-packages.
    pth = site / "__editable__.greet-1.2.0.pth"
    assert pth.read_text() == f"{project / 'src'}\n"
    assert not (site / "greet").exists()
    record = next(site.glob("greet-1.2.0.dist-info")) / "RECORD"
    assert "__editable__.greet-1.2.0.pth,sha256=" in record.read_text()
    assert venv_python(venv, "import greet; print(greet.message())") == "hello"

    (project / "src" / "greet" / "__init__.py").write_text(
        'def message() -> str:\n    return "edited"\n\n\ndef main() -> None:\n    print(message())\n')
    assert venv_python(venv, "import greet; print(greet.message())") == "edited"
    assert subprocess.run([str(venv / "bin" / "greet")], check=True, capture_output=True, text=True).stdout == "edited\n"


@pytest.mark.parametrize("with_daemon", [True, False], ids=["daemon", "no-daemon"])
def test_a_failing_build_names_the_diagnostic(venv: Path, project: Path, runtime_dir: str, tmp_path: Path, with_daemon: bool) -> None:
    if with_daemon:
        Client.connect().close()
    pyproject = project / "pyproject.toml"
    pyproject.write_text(pyproject.read_text().replace('version = "1.2.0"', 'version = "not a version"'))
    result = run_hook(venv, project, "build_wheel", str(tmp_path / "out"))
    assert result.returncode != 0
    assert "BuildFailedError" in result.stderr and "pyproject.toml" in result.stderr
    assert not list((tmp_path / "out").glob("*.whl"))


def test_self_delegation_is_refused_with_the_fix(venv: Path, project: Path, runtime_dir: str, tmp_path: Path) -> None:
    pyproject = project / "pyproject.toml"
    pyproject.write_text(pyproject.read_text() + '\n[tool.packd]\nmode = "delegate"\n')
    result = run_hook(venv, project, "build_wheel", str(tmp_path / "out"))
    assert result.returncode != 0 and 'mode = "delegate"' in result.stderr and "remove the" in result.stderr


def test_pip_wheel_through_the_backend(venv: Path, project: Path, runtime_dir: str, tmp_path: Path) -> None:
    Client.connect().close()
    pip(venv, "wheel", "--no-build-isolation", "--no-index", "--no-deps", "--wheel-dir", str(tmp_path / "wheels"), str(project))
    assert (tmp_path / "wheels" / "greet-1.2.0-py3-none-any.whl").read_bytes() == \
        (project / "dist" / "greet-1.2.0-py3-none-any.whl").read_bytes()


def test_python_m_build_reaches_the_backend_through_backend_path(project: Path, runtime_dir: str, tmp_path: Path) -> None:
    """No packd_client installed anywhere: the project carries it and names it in backend-path, so even an isolated
    build (a fresh environment, nothing to download since requires = []) is served by the daemon."""
    shutil.copytree(CLIENT_ROOT / "src" / "packd_client", project / "_backend" / "packd_client",
                    ignore=shutil.ignore_patterns("__pycache__"))
    pyproject = project / "pyproject.toml"
    pyproject.write_text(pyproject.read_text().replace('build-backend = "packd_client.backend"',
                                                       'build-backend = "packd_client.backend"\nbackend-path = ["_backend"]'))
    Client.connect().close()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    result = subprocess.run(["/usr/bin/python3", "-m", "build", "--outdir", str(tmp_path / "out"), str(project)],
                            capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["greet-1.2.0-py3-none-any.whl", "greet-1.2.0.tar.gz"]
    # The sdist came from the daemon; build then makes the wheel from the unpacked sdist in a temp folder, which is
    # built in-process so the daemon is not left watching a deleted tree.
    assert "an unpacked sdist (PKG-INFO) is built with 'packd build --no-daemon'" in result.stdout + result.stderr
    assert daemon_workspaces() == [str(project)]
