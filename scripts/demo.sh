#!/usr/bin/env bash
# The main job: publish packd and packd-daemon, build the example Flask app's wheel and sdist through the daemon,
# save a file and watch the daemon rebuild only that entry, then prove the wheel installs and runs.
# Usage: bash scripts/demo.sh [PROJECT_DIR]   (default: examples/flask-shop)
set -euo pipefail
cd "$(dirname "$0")/.."
project="${1:-examples/flask-shop}"

command -v dotnet >/dev/null || { echo "demo: the .NET SDK (see global.json) is required" >&2; exit 1; }
echo "==> publishing packd and packd-daemon to .packd/bin"
dotnet publish src/PackDaemon.Cli -c Release -o .packd/bin -v q -nologo >/dev/null
packd=.packd/bin/packd
# The demo's daemon lives in its own runtime folder and is stopped at the end, whatever happens.
export PACKD_RUNTIME_DIR="${PACKD_RUNTIME_DIR:-/tmp/packd-demo-$(id -u)}"
venv=$(mktemp -d)
edited=""
original="$venv.orig"
cleanup() {
  "$packd" stop >/dev/null 2>&1 || true
  if [ -n "$edited" ]; then cp "$original" "$edited"; fi
  rm -rf "$venv" "$original"
}
trap cleanup EXIT

echo "==> $packd build $project   (starts the daemon on first use)"
"$packd" build "$project"

# A save: the daemon's watcher sees it and rebuilds by itself, re-deflating that one entry and reusing the others; a
# build request first syncs with the watcher, so it always includes the save (built by the watcher or by itself).
edited=$(find "$project" -name '*.py' -not -path '*/.*' -not -path '*/dist/*' -not -name 'wsgi.py' | sort | head -n 1)
wheel_before=$(sha256sum "$project"/dist/*.whl | cut -c1-16)
cp "$edited" "$original"
printf '\n# edited by scripts/demo.sh\n' >>"$edited"
echo "==> saved $edited; $packd build $project (through the daemon)"
"$packd" build "$project" --wheel
echo "    wheel sha256 ${wheel_before}... -> $(sha256sum "$project"/dist/*.whl | cut -c1-16)..."
cp "$original" "$edited"; edited=""
"$packd" build "$project" >/dev/null

echo "==> $packd status"
"$packd" status

echo "==> $packd explain $project wsgi.py"
"$packd" explain "$project" wsgi.py

wheel=$(ls "$project"/dist/*.whl | head -n 1)
echo "==> wheel contents"
python3 -m zipfile -l "$wheel"

echo "==> installing into a fresh venv (pip --no-index --no-deps) and running its console script"
python3 -m venv --without-pip "$venv"
python3 -m pip --python "$venv/bin/python" install -q --no-index --no-deps "$wheel"
for script in "$venv"/bin/*; do
  case "$(basename "$script")" in python*|activate*|Activate*|pip*) continue ;; esac
  echo "\$ $(basename "$script")"; "$script"
done
