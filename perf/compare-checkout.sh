#!/usr/bin/env bash
# Before and after of a change, on the saturated checkout: runs the load generator's checkout command (docs/benchmarks.md,
# "Whole-system checkout") for each variant in turn, round after round and in reverse order every other round, so that a
# slow spell of the machine and the slot in the sequence fall on every variant alike, then prints every run and each
# variant's mean and range (perf/checkout_summary.py).
#
#   bash perf/compare-checkout.sh [--rounds N] [--out DIR] VARIANT...
#
# A VARIANT is LABEL, LABEL:NAME=VALUE,... (extra environment for every process of the run, e.g. runtime settings) or
# LABEL@TREE (the built Release output of another work tree, e.g. `git worktree add ../before <commit>` and a build
# there), or both: LABEL@TREE:NAME=VALUE. Single runs of this command differ by 10-25 % with nothing changed, so give
# it an even number of rounds, four or more. Each run takes about 6.5 minutes. Build first (`dotnet build ECommerce.sln
# -c Release`): the runs use --no-build. Logs are kept in DIR (default: a new folder under /tmp).
set -euo pipefail
cd "$(dirname "$0")/.."
here=$(pwd)

rounds=3
out=""
variants=()
while (($#)); do
  case "$1" in
    --rounds) rounds=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) variants+=("$1"); shift ;;
  esac
done
((${#variants[@]})) || { sed -n '2,14p' "$0" >&2; exit 2; }
out=${out:-$(mktemp -d /tmp/ecommerce-compare.XXXXXX)}
mkdir -p "$out"

for round in $(seq 1 "$rounds"); do
  # Every other round in reverse (A B, B A, A B, ...): on this machine the second of two back-to-back runs was the faster
  # in 8 of 8 pairs, whatever ran in it (docs/benchmarks.md, "Workstation GC, and what one run tells"), so a fixed order
  # would hand one variant the better slot every round.
  order=("${variants[@]}")
  if ((round % 2 == 0)); then
    order=()
    for ((i = ${#variants[@]} - 1; i >= 0; i--)); do order+=("${variants[i]}"); done
  fi
  for variant in "${order[@]}"; do
    spec=${variant%%:*}
    settings=""
    [[ "$variant" == *:* ]] && settings=${variant#*:}
    label=${spec%%@*}
    tree=$here
    [[ "$spec" == *@* ]] && tree=${spec#*@}
    environment=()
    if [[ -n "$settings" ]]; then
      IFS=',' read -r -a environment <<< "$settings"
    fi
    log="$out/$label-$round.log"
    echo "$(date -u +%T) round $round/$rounds: $label${settings:+ ($settings)}${spec/#$label/} -> $log"
    (cd "$tree" && env "${environment[@]}" dotnet run -c Release --no-build --project perf/ECommerce.LoadGenerator -- \
      --apphost --checkout-only --users 32 --ramp 5 --think-ms 0 --duration 90 --settle 60 --warm-seconds 60 \
      --warm-load-seconds 120 --idle-seconds 30 --dataset /nonexistent > "$log" 2>&1) || echo "  run failed (exit $?), see $log"
  done
done

python3 "$here/perf/checkout_summary.py" "$out"/*.log
