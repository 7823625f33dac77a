"""A PEP 517/660 build backend served by packd: ``build-backend = "packd_client.backend"``.

Wheels and sdists come from the running daemon's ``build`` (copied into the requested folder with one rename), or
from ``packd build --no-daemon`` when no daemon answers. The packd executable for that fallback is the
``packd-exe`` config setting, else $PACKD_EXE, else ``packd`` on PATH. Nothing is required at build time.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import zipfile
from typing import Any, Dict, List, Optional

from .artifacts import produce
from .editable import write_editable_wheel
from .wheelfile import dist_info_name, read_entries

ConfigSettings = Optional[Dict[str, Any]]


def get_requires_for_build_wheel(config_settings: ConfigSettings = None) -> List[str]:
    return []


def get_requires_for_build_sdist(config_settings: ConfigSettings = None) -> List[str]:
    return []


def get_requires_for_build_editable(config_settings: ConfigSettings = None) -> List[str]:
    return []


def build_wheel(wheel_directory: str, config_settings: ConfigSettings = None, metadata_directory: Optional[str] = None) -> str:
    return produce("wheel", wheel_directory, config_settings)


def build_sdist(sdist_directory: str, config_settings: ConfigSettings = None) -> str:
    return produce("sdist", sdist_directory, config_settings)


def prepare_metadata_for_build_wheel(metadata_directory: str, config_settings: ConfigSettings = None) -> str:
    """The wheel's own .dist-info, byte for byte: the wheel is built and its dist-info extracted, so the metadata a
    frontend resolves with can never differ from the metadata it installs."""
    return _extract_dist_info(_built_wheel_then(metadata_directory, config_settings), metadata_directory)


def prepare_metadata_for_build_editable(metadata_directory: str, config_settings: ConfigSettings = None) -> str:
    return prepare_metadata_for_build_wheel(metadata_directory, config_settings)


def build_editable(wheel_directory: str, config_settings: ConfigSettings = None, metadata_directory: Optional[str] = None) -> str:
    """PEP 660: a wheel named as the regular one, whose only payload is a plain path .pth (see editable.py)."""
    os.makedirs(wheel_directory, exist_ok=True)
    staging = tempfile.mkdtemp(dir=wheel_directory, prefix=".packd-")  # same file system: the final rename is atomic
    try:
        name = produce("wheel", staging, config_settings)
        entries = read_entries(os.path.join(staging, name))
        with zipfile.ZipFile(os.path.join(staging, name)) as archive:
            dist_info = dist_info_name(archive)
        temporary = os.path.join(staging, "editable.whl")
        write_editable_wheel(os.getcwd(), entries, dist_info, temporary)
        os.replace(temporary, os.path.join(wheel_directory, name))
        return name
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _built_wheel_then(directory: str, config_settings: ConfigSettings) -> str:
    os.makedirs(directory, exist_ok=True)
    staging = tempfile.mkdtemp(dir=directory, prefix=".packd-")
    return os.path.join(staging, produce("wheel", staging, config_settings))


def _extract_dist_info(wheel: str, metadata_directory: str) -> str:
    staging = os.path.dirname(wheel)
    try:
        with zipfile.ZipFile(wheel) as archive:
            dist_info = dist_info_name(archive)
            partial = os.path.join(staging, dist_info)
            for member in archive.namelist():
                if ".." in member.split("/"):
                    raise ValueError(f"the wheel {wheel} has an unsafe entry name '{member}'")
                if member.startswith(dist_info + "/") and not member.endswith("/"):
                    target = os.path.join(staging, *member.split("/"))
                    os.makedirs(os.path.dirname(target), exist_ok=True)
                    with open(target, "wb") as out:
                        out.write(archive.read(member))
        destination = os.path.join(metadata_directory, dist_info)
        shutil.rmtree(destination, ignore_errors=True)
        os.replace(partial, destination)  # the whole folder appears at once
        return dist_info
    finally:
        shutil.rmtree(staging, ignore_errors=True)
