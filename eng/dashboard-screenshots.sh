#!/usr/bin/env bash
# Refreshes the dashboard screenshots in docs/operations.md: starts the AppHost as a developer does (http profile, the
# Aspire dashboard at http://localhost:15080), runs a minute of shopper load through the gateway, then photographs the
# Traces page, one checkout's trace and the store's metrics with Chromium.
# Usage: eng/dashboard-screenshots.sh [output folder, default docs/images]. Needs chromium and web/node_modules.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-docs/images}
log=$(mktemp)

dotnet build -c Release ECommerce.AppHost >/dev/null
dotnet build -c Release perf/ECommerce.LoadGenerator >/dev/null
dotnet run -c Release --no-build --project ECommerce.AppHost >"$log" 2>&1 &
apphost=$!
trap 'kill "$apphost" 2>/dev/null; wait "$apphost" 2>/dev/null || true; rm -f "$log"' EXIT

echo "waiting for the dashboard and the gateway..."
login=""
for _ in $(seq 1 150); do
  login=$(grep -o 'http://localhost:15080/login?t=[0-9a-f]*' "$log" | head -1 || true)
  [[ -n "$login" ]] && curl -sf http://localhost:5080/health >/dev/null && break
  sleep 2
done
[[ -n "$login" ]] || { echo "the AppHost did not start; its log:"; cat "$log"; exit 1; }

# Shoppers browsing, adding to carts and checking out: a busy minute for the metrics, then a few calm ones whose
# checkouts complete for the trace picture (the load generator cuts off what is in flight when it stops). Without
# database connections it cannot check its invariants afterwards and says so; the traffic is what matters here.
shoppers() {
  dotnet run -c Release --no-build --project perf/ECommerce.LoadGenerator -- \
    --gateway http://localhost:5080 --users "$1" --duration "$2" --settle 1 2>&1 | grep -v '^   at ' || true
}
shoppers 20 60
shoppers 3 25

node eng/dashboard-screenshots.mjs "$login" "$out"
