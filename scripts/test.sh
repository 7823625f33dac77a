#!/usr/bin/env bash
# Runs every test suite in the repository and ends with one line: "N passed, N failed".
# Usage: bash scripts/test.sh
set -uo pipefail
cd "$(dirname "$0")/.."

bash scripts/prereqs.sh || exit 1

results=".test-results"
rm -rf "$results"
mkdir -p "$results"

status=0
dotnet build PackDaemon.sln -c Release -v q -nologo || { echo "0 passed, 1 failed"; exit 1; }
# The integration tests drive the shipped artifacts, published exactly as the README says: packd (Native AOT) and,
# by the same command, packd-daemon next to it (the CLI starts the daemon from its own folder).
dotnet publish src/PackDaemon.Cli -c Release -o .packd/bin -v q -nologo || { echo "0 passed, 1 failed"; exit 1; }
export PACKD_TEST_EXE="$PWD/.packd/bin/packd"
export PACKD_TEST_DAEMON="$PWD/.packd/bin/packd-daemon"
dotnet test PackDaemon.sln -c Release --no-build -v q -nologo \
  --logger "trx" --results-directory "$results/dotnet" || status=1

# The Python validator's own self-tests: it judges our artifacts, so it must itself fail on broken ones.
python3 - "$results/python-validator.counts" <<'PY' || status=1
import sys, unittest
suite = unittest.defaultTestLoader.discover("tests/python", pattern="test_*.py", top_level_dir="tests/python")
result = unittest.TextTestRunner(verbosity=1).run(suite)
failed = len(result.failures) + len(result.errors)
open(sys.argv[1], "w").write(f"{result.testsRun - failed - len(result.skipped)} {failed}")
sys.exit(0 if failed == 0 else 1)
PY

# The Python client (clients/python): framing units, the client against a real daemon in a temp runtime folder, and
# the PEP 517/660 backend through real pip in fresh venvs. Debian's pytest belongs to /usr/bin/python3, which need not
# be the python3 first on PATH.
pytest_python=python3
python3 -c "import pytest" 2>/dev/null || pytest_python=/usr/bin/python3
mkdir -p "$results/python-client"
"$pytest_python" -m pytest clients/python/tests -q -p no:cacheprovider \
  --junitxml="$results/python-client/pytest.junit.xml" || status=1
# A suite that could not even start (no pytest) still counts as a failure in the summary line.
[ -f "$results/python-client/pytest.junit.xml" ] || echo "0 1" > "$results/python-client/pytest.counts"

# The VS Code extension: its connection layer against a real daemon (the published packd above, in temp runtime
# folders), its VS Code layer against a fake vscode module, then the .vsix. npm ci only when node_modules does not
# match package-lock.json, so a second run is fast.
mkdir -p "$results/vscode"
(
  cd clients/vscode || exit 1
  if ! cmp -s package-lock.json node_modules/.installed-package-lock.json 2>/dev/null; then
    npm ci --no-audit --no-fund && cp package-lock.json node_modules/.installed-package-lock.json || exit 1
  fi
  npm run compile && JUNIT_FILE="$OLDPWD/$results/vscode/vscode.junit.xml" npm run test:junit && npm run package
) || status=1

# One summary for all suites: the CI runner reads this plain line, not dotnet test's own summary.
python3 - "$results" <<'PY'
import pathlib, sys, xml.etree.ElementTree as ET
root = pathlib.Path(sys.argv[1])
passed = failed = 0
for trx in root.rglob("*.trx"):
    counters = ET.parse(trx).getroot().find(".//{*}Counters")
    if counters is not None:
        passed += int(counters.get("passed", 0))
        failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0)) + int(counters.get("aborted", 0))
for junit in root.rglob("*.junit.xml"):
    for suite in ET.parse(junit).getroot().iter("testsuite"):
        tests = int(suite.get("tests", 0)); bad = int(suite.get("failures", 0)) + int(suite.get("errors", 0)); skipped = int(suite.get("skipped", 0))
        passed += tests - bad - skipped; failed += bad
for counts in root.rglob("*.counts"):
    p, f = counts.read_text().split()
    passed += int(p); failed += int(f)
print(f"{passed} passed, {failed} failed")
PY
exit $status
