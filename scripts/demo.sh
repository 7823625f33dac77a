#!/usr/bin/env bash
# The main job: publish packd, build the example Flask app's wheel and sdist, and prove the wheel installs and runs.
# Usage: bash scripts/demo.sh [PROJECT_DIR]   (default: examples/flask-shop)
set -euo pipefail
cd "$(dirname "$0")/.."
project="${1:-examples/flask-shop}"

command -v dotnet >/dev/null || { echo "demo: the .NET SDK (see global.json) is required" >&2; exit 1; }
echo "==> publishing packd to .packd/bin"
dotnet publish src/PackDaemon.Cli -c Release -o .packd/bin -v q -nologo >/dev/null
packd=.packd/bin/packd

echo "==> $packd build $project"
"$packd" build "$project"

echo "==> $packd explain $project wsgi.py"
"$packd" explain "$project" wsgi.py

wheel=$(ls "$project"/dist/*.whl | head -n 1)
echo "==> wheel contents"
python3 -m zipfile -l "$wheel"

echo "==> installing into a fresh venv (pip --no-index --no-deps) and running its console script"
venv=$(mktemp -d)
trap 'rm -rf "$venv"' EXIT
python3 -m venv --without-pip "$venv"
python3 -m pip --python "$venv/bin/python" install -q --no-index --no-deps "$wheel"
for script in "$venv"/bin/*; do
  case "$(basename "$script")" in python*|activate*|Activate*|pip*) continue ;; esac
  echo "\$ $(basename "$script")"; "$script"
done
