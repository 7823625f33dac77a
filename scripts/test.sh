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
dotnet test PackDaemon.sln -c Release --no-build -v q -nologo \
  --logger "trx" --results-directory "$results/dotnet" || status=1

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
