"""The client against a real daemon: started through packd in a temp runtime folder, on a temp copy of a project."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

import pytest

from conftest import wait_for
from packd_client import BuildFinished, Client, DiagnosticsChanged, PackdTimeoutError, RpcError
from packd_client.discovery import build_hash_next_to
from packd_client.protocol import ErrorCodes

NOTIFICATION_TIMEOUT = 30.0


def test_connect_starts_the_daemon_through_packd_and_status_reports_it(runtime_dir: str) -> None:
    with Client.connect() as client:
        status = client.status()
        info = json.loads(Path(runtime_dir, "daemon.json").read_text())
        assert status.pid == client.daemon.pid == info["pid"]
        assert status.protocol_version == 1
        assert status.connections >= 1
        assert oct(os.stat(runtime_dir).st_mode & 0o777) == oct(0o700)
    # A second client finds the same daemon through daemon.json instead of starting another.
    with Client.connect(start=False) as again:
        assert again.daemon.pid == status.pid


def test_build_reports_artifacts_whose_bytes_match(runtime_dir: str, project: Path) -> None:
    with Client.connect() as client:
        report = client.build(str(project))
        assert report.succeeded, report.diagnostics
        assert report.root == str(project)
        wheel, sdist = report.artifact("wheel"), report.artifact("sdist")
        assert wheel is not None and sdist is not None
        assert os.path.basename(wheel.path) == "greet-1.2.0-py3-none-any.whl"
        assert hashlib.sha256(Path(wheel.path).read_bytes()).hexdigest() == wheel.sha256
        assert wheel.mode.startswith("native")
        workspaces = {w.root: w for w in client.status().workspaces}
        assert str(project) in workspaces


def test_explain_says_which_rule_decided(runtime_dir: str, project: Path) -> None:
    (project / "notes.txt").write_text("not packaged in the wheel\n")
    with Client.connect() as client:
        module = client.explain(str(project), "src/greet/__init__.py")
        assert module.wheel is not None and module.wheel.included
        assert module.wheel.archive_path == "greet/__init__.py"
        assert module.wheel.rule
        notes = client.explain(str(project), "notes.txt")
        assert notes.wheel is not None and not notes.wheel.included


def test_build_of_a_folder_without_pyproject_is_error_1003(runtime_dir: str, tmp_path: Path) -> None:
    with Client.connect() as client:
        with pytest.raises(RpcError) as caught:
            client.build(str(tmp_path))
        assert caught.value.code == ErrorCodes.NOT_A_PROJECT


def _next_finished(notifications, after_generation: int) -> BuildFinished:
    for notification in notifications:
        if isinstance(notification, BuildFinished) and notification.report.generation > after_generation:
            return notification
    raise AssertionError("the notification stream ended")


def test_subscribe_sees_build_finished_after_an_edit(runtime_dir: str, project: Path) -> None:
    with Client.connect() as client:
        notifications = client.subscribe(str(project), timeout=NOTIFICATION_TIMEOUT)
        # Opening starts a first build; wait until the workspace is built and idle before editing.
        wait_for(lambda: any(w.root == str(project) and w.last_build and w.pending_changes == 0 and w.state == "idle"
                             for w in client.status().workspaces), "the first build of the workspace")
        before = next(w for w in client.status().workspaces if w.root == str(project)).generation

        (project / "src" / "greet" / "__init__.py").write_text('def message() -> str:\n    return "edited"\n')
        finished = _next_finished(notifications, before)
        assert finished.root == str(project)
        assert finished.report.succeeded
        assert "greet/__init__.py" in finished.report.changed_entries


def test_subscribe_iterators_see_only_their_own_workspace(runtime_dir: str, project: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    shutil.copytree(project, other)
    with Client.connect() as client:
        client.subscribe(str(project), timeout=NOTIFICATION_TIMEOUT)  # opens it with notifications; iterated below
        theirs = client.subscribe(str(other), timeout=NOTIFICATION_TIMEOUT)
        wait_for(lambda: sum(1 for w in client.status().workspaces if w.last_build and w.state == "idle" and w.pending_changes == 0) == 2,
                 "the first builds of both workspaces")
        before = next(w for w in client.status().workspaces if w.root == str(other)).generation
        (other / "src" / "greet" / "__init__.py").write_text('def message() -> str:\n    return "other"\n')
        assert _next_finished(theirs, before).root == str(other)
        # The project's own iterator got only the project's notifications (its first build), then silence.
        seen = []
        with pytest.raises(PackdTimeoutError):
            for notification in client.subscribe(str(project), timeout=0.5):
                seen.append(notification.root)
        assert set(seen) <= {str(project)}


def test_subscribe_reports_diagnostics_of_a_broken_pyproject(runtime_dir: str, project: Path) -> None:
    with Client.connect() as client:
        notifications = client.subscribe(str(project), timeout=NOTIFICATION_TIMEOUT)
        wait_for(lambda: any(w.root == str(project) and w.last_build and w.state == "idle"
                             for w in client.status().workspaces), "the first build of the workspace")
        pyproject = project / "pyproject.toml"
        pyproject.write_text(pyproject.read_text().replace('version = "1.2.0"', 'version = "1.2.0'))
        for notification in notifications:
            if isinstance(notification, DiagnosticsChanged) and any(d.severity == "error" for d in notification.diagnostics):
                error = next(d for d in notification.diagnostics if d.severity == "error")
                assert error.file == "pyproject.toml" and error.line > 0
                break


def test_subscribe_without_events_times_out_instead_of_hanging(runtime_dir: str, project: Path) -> None:
    with Client.connect() as client:
        client.build(str(project))  # built and idle: nothing will happen unless the tree changes
        notifications = client.subscribe(str(project), timeout=0.5)
        with pytest.raises(PackdTimeoutError):
            for _ in notifications:
                pass


def test_the_client_computes_the_same_build_id_as_the_daemon(runtime_dir: str, packd_exe: str) -> None:
    with Client.connect() as client:
        expected = build_hash_next_to(packd_exe)
        assert expected is not None and client.daemon.daemon_build.endswith("+" + expected)
        pid = client.daemon.pid
    with Client.connect() as again:  # the same build: reused, not replaced
        assert again.daemon.pid == pid


def test_a_daemon_of_another_build_is_replaced(runtime_dir: str, packd_exe: str, tmp_path: Path) -> None:
    with Client.connect() as client:
        old_pid = client.daemon.pid
    # Another install of packd whose daemon differs by one byte: its build id differs, as after an upgrade.
    other = tmp_path / "other-install"
    shutil.copytree(os.path.dirname(os.path.realpath(packd_exe)), other, symlinks=True)
    with open(other / "PackDaemon.Protocol.dll", "ab") as dll:
        dll.write(b"\0")
    with Client.connect(packd_exe=str(other / "packd")) as client:
        assert client.daemon.pid != old_pid
        assert client.daemon.daemon_build.endswith("+" + str(build_hash_next_to(str(other / "packd"))))
    wait_for(lambda: not Path(f"/proc/{old_pid}").exists() or b"Z" in Path(f"/proc/{old_pid}/stat").read_bytes().rsplit(b")", 1)[1][:3],
             "the old daemon to exit")
