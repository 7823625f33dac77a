#!/usr/bin/env bash
# Daemon benchmark: save-to-wheel latency (p50/p95 over 50 edits), no-op touch, cold start, warm restart and RSS,
# each beside hatchling's full rebuild of the same tree measured in the same run.
#
#   bench/daemon.sh [EDITS]   (default 50; env: BENCH_FILES=20000, BOTOCORE=dir of a botocore package,
#                              PACKD_BIN=folder holding packd and packd-daemon instead of publishing them)
#
# Writes .bench/daemon-results.md (raw JSON lines: .bench/daemon-raw.jsonl).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH="$ROOT/.bench"
EDITS="${1:-50}"
FILES="${BENCH_FILES:-20000}"
PY=/usr/bin/python3
mkdir -p "$BENCH"
cd "$ROOT"
log() { printf '[bench] %s\n' "$*" >&2; }

$PY -c 'import hatchling.build' 2>/dev/null || { log "installing python3-hatchling"; apt-get install -y --no-install-recommends python3-hatchling >/dev/null; }

BIN="${PACKD_BIN:-}"
if [ -z "$BIN" ]; then
  log "publishing packd and packd-daemon (Release)"
  dotnet publish src/PackDaemon.Cli -c Release -o "$BENCH/packd" >"$BENCH/publish.log" 2>&1 || { log "publish failed: see .bench/publish.log"; exit 1; }
  BIN="$BENCH/packd"
fi
[ -x "$BIN/packd-daemon" ] || { log "no packd-daemon in $BIN"; exit 1; }

BOTOCORE="${BOTOCORE:-$(python3 -c 'import botocore, os; print(os.path.dirname(botocore.__file__))' 2>/dev/null || true)}"
$PY bench/make_trees.py --out "$BENCH/trees" --files "$FILES" ${BOTOCORE:+--botocore "$BOTOCORE"} >&2

RAW="$BENCH/daemon-raw.jsonl"
: >"$RAW"
for tree in botocore webapp; do
  [ -f "$BENCH/trees/$tree/pyproject.toml" ] || continue
  # Edits go to a copy, so the trees stay identical for bench/run.sh.
  work="$BENCH/daemon-trees/$tree"
  rm -rf "$work"; mkdir -p "$(dirname "$work")"; cp -a "$BENCH/trees/$tree" "$work"
  log "$tree: $EDITS edits through a private daemon, then hatchling's full rebuild"
  $PY bench/daemon_latency.py --daemon "$BIN/packd-daemon" --tree "$work" --edits "$EDITS" \
    --log "$BENCH/daemon-$tree.log" >>"$RAW"
done

$PY - "$RAW" "$BENCH/daemon-results.md" <<'PYEOF'
import json, os, platform, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
lines = [f"Daemon, one run per tree ({platform.machine()}, {os.cpu_count()} CPUs). Latency: file closed -> "
         "build/finished after the wheel was renamed into place, settle window included.", "",
         "| tree | save-to-wheel p50 ms | p95 ms | hatchling full rebuild ms | p50 vs hatchling | no-op touch rewrote wheel | "
         "cold start s | first build s | warm restart first build s | RSS MB (peak) |",
         "|---|---:|---:|---:|---:|---|---:|---:|---:|---:|"]
for r in rows:
    h = r["hatchling_full_rebuild_s"] * 1000
    lines.append(f"| {r['tree']} | {r['save_to_wheel_p50_ms']} | {r['save_to_wheel_p95_ms']} | {h:.0f} | "
                 f"{r['save_to_wheel_p50_ms'] / h:.3f}x | {'yes' if r['noop_touch_rewrote_wheel'] else 'no'} | "
                 f"{r['cold_start_s']:.2f} | {r['first_build_s']:.2f} | {r['warm_first_build_s']:.2f} | "
                 f"{r['rss_mb']} ({r['peak_rss_mb']}) |")
lines += ["", "Median build phases of a save, as the daemon reported them (ms; wheel and sdist run side by side):", ""]
for r in rows:
    lines.append(f"- {r['tree']}: " + ", ".join(f"{k[:-2]} {v:g}" for k, v in r.get("build_phase_p50_ms", {}).items()))
text = "\n".join(lines) + "\n"
open(sys.argv[2], "w").write(text)
print(text)
PYEOF
log "results written to .bench/daemon-results.md"
