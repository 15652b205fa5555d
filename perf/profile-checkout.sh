#!/usr/bin/env bash
# Where the CPU goes during the saturated checkout: the load generator's checkout run (docs/benchmarks.md,
# "Whole-system checkout"), with a `perf record` of the whole machine over part of its measured window, reported by
# process and, inside each .NET service, by component (perf/cpu_profile.py).
#
#   bash perf/profile-checkout.sh [seconds to record, default 40] [extra load-generator options]
#
# Needs Debian's linux-perf (`apt-get install linux-perf`) and root or perf_event_paranoid <= 0. The services run
# with two runtime settings that only this script sets: DOTNET_PerfMapEnabled=3 writes /tmp/perf-<pid>.map, the names
# of JIT-compiled code, and DOTNET_EnableWriteXorExecute=0 runs that code from ordinary mappings perf can name. The
# load generator's own figures (paid orders/s, CPU per paid order) are printed too; they are not comparable with runs
# without those settings.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-40}
shift || true
command -v perf > /dev/null || { echo "perf is missing: apt-get install -y linux-perf" >&2; exit 1; }
out=$(mktemp -d /tmp/ecommerce-profile.XXXXXX)

export DOTNET_PerfMapEnabled=3 DOTNET_EnableWriteXorExecute=0
dotnet run -c Release --project perf/ECommerce.LoadGenerator -- --apphost --checkout-only --users 32 --ramp 5 \
  --think-ms 0 --duration $((seconds + 50)) --settle 60 --warm-seconds 60 --warm-load-seconds 120 --idle-seconds 10 \
  --dataset /nonexistent "$@" > "$out/load.log" 2>&1 &
load=$!

# The measured load starts 10 s after the idle baseline's line; record from 20 s into it.
until grep -q "measuring the idle" "$out/load.log"; do
  kill -0 "$load" 2> /dev/null || { cat "$out/load.log" >&2; exit 1; }
  sleep 2
done
sleep 30
python3 perf/cpu_profile.py names > "$out/pids.txt"
perf record -q -e cpu-clock -F 999 -a -g -o "$out/perf.data" -- sleep "$seconds" 2> /dev/null
wait "$load"

grep -E "^paid orders per second|^CPU over the load window|^place → Paid" "$out/load.log"
perf script -i "$out/perf.data" -F comm,pid,tid,ip,sym,dso 2> /dev/null | python3 perf/cpu_profile.py report "$out/pids.txt"
echo "recording and the load generator's log: $out"
