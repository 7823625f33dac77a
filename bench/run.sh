#!/usr/bin/env bash
# Whole-process wheel-build benchmark: packd (one-shot, --no-daemon) vs hatchling vs flit_core.
#
#   bench/run.sh [ROUNDS]   (default 5; env: BENCH_FILES=20000, BOTOCORE=dir of a botocore package,
#                            PACKD=path of a packd executable to use instead of publishing one)
#
# Each round runs every (tree, tool) pair once, interleaved, so drift hits all tools alike. Every run
# is a fresh process timed by /usr/bin/time (%e wall seconds, %M peak RSS KB). Prints a markdown
# table of medians and ratios to hatchling, and writes it to .bench/results.md (raw rows: .bench/raw.tsv).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH="$ROOT/.bench"
ROUNDS="${1:-${ROUNDS:-5}}"
FILES="${BENCH_FILES:-20000}"
PY=/usr/bin/python3
mkdir -p "$BENCH"
cd "$ROOT"

log() { printf '[bench] %s\n' "$*" >&2; }

# 1. Peers: Debian's hatchling and flit_core, installed only when missing.
need_apt=()
$PY -c 'import hatchling.build' 2>/dev/null || need_apt+=(python3-hatchling)
$PY -c 'import flit_core.buildapi' 2>/dev/null || need_apt+=(flit)
[ -x /usr/bin/time ] || need_apt+=(time)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    log "missing ${need_apt[*]} and not root: run 'sudo apt-get install -y ${need_apt[*]}'"; exit 1
  fi
  log "installing ${need_apt[*]}"
  apt-get install -y --no-install-recommends "${need_apt[@]}" >/dev/null
fi
HATCHLING_VERSION=$($PY -c 'from importlib.metadata import version as v; print(v("hatchling"))')
FLIT_VERSION=$($PY -c 'from importlib.metadata import version as v; print(v("flit_core"))')

# 2. packd, published ReadyToRun. Its column is skipped (with the reason) when it cannot build yet.
PACKD="${PACKD:-}"
PACKD_SKIP=""
if [ -z "$PACKD" ]; then
  case "$(uname -m)" in x86_64) RID=linux-x64 ;; aarch64) RID=linux-arm64 ;; *) RID="" ;; esac
  if ! command -v dotnet >/dev/null; then
    PACKD_SKIP="dotnet not found"
  elif [ -z "$RID" ]; then
    PACKD_SKIP="no runtime identifier for $(uname -m)"
  else
    log "publishing packd (Release, Native AOT, as the README's publish command does)"
    if dotnet publish src/PackDaemon.Cli -c Release -o "$BENCH/packd" >"$BENCH/publish.log" 2>&1; then
      PACKD="$BENCH/packd/packd"
      [ -x "$PACKD" ] || PACKD="$BENCH/packd/PackDaemon.Cli"
    else
      PACKD_SKIP="dotnet publish failed (see .bench/publish.log)"
    fi
  fi
fi
if [ -z "$PACKD_SKIP" ]; then
  smoke="$BENCH/smoke"; rm -rf "$smoke"; mkdir -p "$smoke"
  if [ ! -x "$PACKD" ]; then
    PACKD_SKIP="no packd executable at $PACKD"
  elif ! "$PACKD" build "$ROOT/tests/fixtures/flat" --wheel --out "$smoke" --no-daemon >"$BENCH/smoke.log" 2>&1 \
       || ! ls "$smoke"/*.whl >/dev/null 2>&1; then
    PACKD_SKIP="'packd build' does not produce a wheel yet (see .bench/smoke.log)"
  fi
fi
if [ -n "$PACKD_SKIP" ]; then
  log "SKIPPING packd column: $PACKD_SKIP"
  TOOLS=(hatchling flit)
else
  TOOLS=(packd hatchling flit)
fi

# 3. Trees.
# botocore comes from whichever python3 on PATH has it (Debian's python3 usually does not).
BOTOCORE="${BOTOCORE:-$(python3 -c 'import botocore, os; print(os.path.dirname(botocore.__file__))' 2>/dev/null || true)}"
$PY bench/make_trees.py --out "$BENCH/trees" --files "$FILES" ${BOTOCORE:+--botocore "$BOTOCORE"} >&2
TREES=()
for t in botocore webapp; do [ -f "$BENCH/trees/$t/pyproject.toml" ] && TREES+=("$t"); done

# 4. Interleaved rounds.
RAW="$BENCH/raw.tsv"
printf 'round\ttree\ttool\twall_s\tpeak_rss_kb\twheel_bytes\tentries\n' >"$RAW"
# One untimed warm-up build per (tree, tool): whichever tool came first in round 1 otherwise read a tree that other
# work had pushed out of the page cache from disk (once 1.96 s against 0.62-0.73 s for the same packd build).
for tree in "${TREES[@]}"; do
  for tool in "${TOOLS[@]}"; do
    out="$BENCH/out/$tool-$tree"; rm -rf "$out"; mkdir -p "$out"
    case "$tool" in
      packd) "$PACKD" build "$BENCH/trees/$tree" --wheel --out "$out" --no-daemon >/dev/null 2>&1 || true ;;
      *)     "$PY" bench/peer_build.py "$tool" "$BENCH/trees/$tree" "$out" >/dev/null 2>&1 || true ;;
    esac
  done
done
for round in $(seq 1 "$ROUNDS"); do
  for tree in "${TREES[@]}"; do
    for tool in "${TOOLS[@]}"; do
      out="$BENCH/out/$tool-$tree"; rm -rf "$out"; mkdir -p "$out"
      tfile="$BENCH/time.txt"
      case "$tool" in
        packd) cmd=("$PACKD" build "$BENCH/trees/$tree" --wheel --out "$out" --no-daemon) ;;
        *)     cmd=("$PY" bench/peer_build.py "$tool" "$BENCH/trees/$tree" "$out") ;;
      esac
      if ! /usr/bin/time -f '%e %M' -o "$tfile" "${cmd[@]}" >"$BENCH/run.log" 2>&1; then
        log "FAILED: $tool on $tree (round $round):"; tail -20 "$BENCH/run.log" >&2; exit 1
      fi
      read -r wall rss <"$tfile"
      whl=$(ls "$out"/*.whl)
      entries=$($PY -c 'import sys, zipfile; print(len(zipfile.ZipFile(sys.argv[1]).namelist()))' "$whl")
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$tree" "$tool" "$wall" "$rss" "$(stat -c %s "$whl")" \
        "$entries" >>"$RAW"
      log "round $round/$ROUNDS $tree $tool: ${wall}s ${rss}KB"
    done
  done
done

# 5. Summary.
$PY - "$RAW" "$BENCH/results.md" "$ROUNDS" "$HATCHLING_VERSION" "$FLIT_VERSION" "$PACKD_SKIP" <<'PYEOF'
import csv, statistics, sys, platform, os
raw, dest, rounds, hv, fv, skip = sys.argv[1:7]
rows = list(csv.DictReader(open(raw), delimiter="\t"))
groups = {}
for r in rows:
    groups.setdefault((r["tree"], r["tool"]), []).append(r)
names = {"packd": "packd", "hatchling": f"hatchling {hv}", "flit": f"flit_core {fv}"}
lines = [f"Wheel build, whole process, median of {rounds} interleaved rounds "
         f"({platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()} for peers).", "",
         "| tree | tool | wall s | peak RSS MB | wall vs hatchling | RSS vs hatchling | wheel MB | entries |",
         "|---|---|---:|---:|---:|---:|---:|---:|"]
for tree in dict.fromkeys(r["tree"] for r in rows):
    base = groups.get((tree, "hatchling"))
    bw = statistics.median(float(r["wall_s"]) for r in base) if base else None
    bm = statistics.median(float(r["peak_rss_kb"]) for r in base) if base else None
    for tool in ("packd", "hatchling", "flit"):
        g = groups.get((tree, tool))
        if not g:
            continue
        w = statistics.median(float(r["wall_s"]) for r in g)
        m = statistics.median(float(r["peak_rss_kb"]) for r in g)
        lines.append(f"| {tree} | {names[tool]} | {w:.2f} | {m / 1024:.1f} | "
                     f"{(f'{w / bw:.2f}x' if bw else '-')} | {(f'{m / bm:.2f}x' if bm else '-')} | "
                     f"{int(g[-1]['wheel_bytes']) / 1e6:.2f} | {g[-1]['entries']} |")
if skip:
    lines += ["", f"packd column skipped: {skip}."]
text = "\n".join(lines) + "\n"
open(dest, "w").write(text)
print(text)
PYEOF
log "results written to .bench/results.md"
