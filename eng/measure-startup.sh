#!/usr/bin/env bash
# Measures the whole system's cold start (AppHost launch to gateway /health Healthy with every downstream service
# Healthy) and the resident memory of every process it started. Usage: eng/measure-startup.sh [--fresh]
#   --fresh  delete the local data folder first, so initdb and database creation are included.
set -euo pipefail
cd "$(dirname "$0")/.."

data_dir="$(mktemp -d /tmp/ecommerce-measure-XXXXXX)"
if [[ "${1:-}" != "--fresh" ]]; then
  rm -rf "$data_dir"; data_dir="$PWD/.data/measure"
fi
dotnet build ECommerce.AppHost -c Release -v quiet -nologo >/dev/null

start=$(date +%s.%N)
dotnet run --project ECommerce.AppHost -c Release --no-build -- --infra local --Infrastructure:DataDirectory "$data_dir" >/tmp/ecommerce-measure.log 2>&1 &
apphost=$!
trap 'kill $apphost 2>/dev/null || true; wait $apphost 2>/dev/null || true' EXIT

for _ in $(seq 1 600); do
  body=$(curl -s --max-time 2 http://localhost:5080/health || true)
  if [[ "$body" == *'"status":"Healthy"'* ]]; then break; fi
  sleep 0.25
done
end=$(date +%s.%N)
[[ "$body" == *'"status":"Healthy"'* ]] || { echo "system did not become healthy; see /tmp/ecommerce-measure.log"; exit 1; }
sleep 5 # let start-up allocations settle before reading memory

descendants() { local p; for p in $(pgrep -P "$1"); do echo "$p"; descendants "$p"; done; }
# DCP (Aspire's orchestrator) detaches, so its processes are found by what they run, then their children.
roots="$apphost $(pgrep -f "$data_dir" || true) $(pgrep -f 'aspire.hosting.orchestration' || true) $(pgrep -f "$PWD/services" || true)"
pids=$(for r in $roots; do echo "$r"; descendants "$r"; done | sort -un)
rss_kb=0
printf '%-40s %10s\n' process "PSS (MiB)"
for pid in $pids; do
  [[ -r /proc/$pid/status ]] || continue
  # PSS (proportional set size) splits shared pages (PostgreSQL's shared buffers) between the processes sharing them.
  kb=$(awk '/^Pss:/ {print $2}' /proc/$pid/smaps_rollup 2>/dev/null); kb=${kb:-0}
  name=$(tr '\0' ' ' < /proc/$pid/cmdline | cut -c1-60)
  rss_kb=$((rss_kb + kb))
  printf '%-40s %10.1f\n' "$name" "$(echo "$kb/1024" | bc -l)"
done
printf '\ncold start to all healthy: %.1f s\n' "$(echo "$end - $start" | bc -l)"
printf 'resident memory (PSS), whole system: %.0f MiB\n' "$(echo "$rss_kb/1024" | bc -l)"
echo "health: $body"
