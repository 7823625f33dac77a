#!/usr/bin/env bash
# Installs what the tests and the benchmark need, once: Debian's Python tools (PyPI is not reachable here);
# setuptools and wheel are also the backend of the delegated-build tests; neovim is the real editor the packd lsp test drives;
# strace shows which system calls a real build makes (no fsync unless PACKD_FSYNC=1); Django, Flask and botocore are
# real code the secrets guard must not refuse (and the web frameworks the dev loop serves).
# Idempotent: packages already present are not touched, and apt-get runs only when something is missing.
set -euo pipefail

debian_packages=(python3-venv python3-pip python3-hatchling flit twine python3-poetry-core python3-pytest python3-setuptools python3-wheel python3-build neovim strace
  python3-django python3-flask python3-botocore)
# The VS Code extension's tests and .vsix need node and npm: Debian's when the machine has none (any node >= 18).
command -v node >/dev/null && command -v npm >/dev/null || debian_packages+=(nodejs npm)
# Native AOT links packd with the system C toolchain.
command -v clang >/dev/null || command -v gcc >/dev/null || debian_packages+=(gcc)
missing=()
for p in "${debian_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if ((${#missing[@]})); then
  if [ "$(id -u)" -ne 0 ]; then
    echo "prereqs: missing Debian packages: ${missing[*]} (run as root, or: sudo apt-get install ${missing[*]})" >&2
    exit 1
  fi
  echo "prereqs: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >/dev/null
  apt-get install -y -q "${missing[@]}" >/dev/null
fi

command -v dotnet >/dev/null || { echo "prereqs: the .NET SDK (see global.json) is required" >&2; exit 1; }
command -v python3 >/dev/null || { echo "prereqs: python3 is required" >&2; exit 1; }
