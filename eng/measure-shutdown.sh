#!/usr/bin/env bash
# Measures what a developer's Ctrl+C costs: starts the AppHost in local mode as a terminal would (its own process
# group), waits until the gateway reports every service Healthy, lets it run, then sends SIGINT to the whole group and
# times how long until no process of the run is left (services, dev server, PostgreSQL, the cache, Aspire's DCP).
# Prints each process's exit time and the total. Usage: eng/measure-shutdown.sh [seconds to run, default 30] [apphost args...]
#   e.g. eng/measure-shutdown.sh 180 --Infrastructure:CacheServer garnet
set -euo pipefail
cd "$(dirname "$0")/.."
run_seconds="${1:-30}"; shift || true

data_dir="$(mktemp -d /tmp/ecommerce-shutdown-XXXXXX)"
dotnet build ECommerce.AppHost -c Release -v quiet -nologo >/dev/null

exec python3 - "$data_dir" "$run_seconds" "$@" <<'PY'
import os, signal, subprocess, sys, time, urllib.request

data, run_seconds, extra = sys.argv[1], float(sys.argv[2]), sys.argv[3:]
log = open("/tmp/ecommerce-shutdown.log", "w")
apphost = subprocess.Popen(
    ["dotnet", "run", "--project", "ECommerce.AppHost", "-c", "Release", "--no-build", "--",
     "--infra", "local", "--Infrastructure:DataDirectory", data, *extra],
    stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    # A shell's background job ignores SIGINT and its children inherit that; a terminal's Ctrl+C does not.
    preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))

started = time.time()
while time.time() - started < 600:
    try:
        if b'"status":"Healthy"' in urllib.request.urlopen("http://localhost:5080/health", timeout=2).read():
            break
    except Exception:
        pass
    time.sleep(1)
else:
    sys.exit("the system did not become healthy; see /tmp/ecommerce-shutdown.log")
print(f"healthy after {time.time() - started:.1f} s; running {run_seconds:.0f} s more", flush=True)
time.sleep(run_seconds)

pattern = "|".join([data, os.getcwd() + "/services/", os.getcwd() + "/ECommerce.AppHost", "orchestration.linux-x64",
                    os.getcwd() + "/web/node_modules", "GarnetServer"])
def alive():
    found = subprocess.run(["pgrep", "-f", pattern], capture_output=True, text=True).stdout.split()
    return {int(p) for p in found} - {os.getpid()}

names = {}
for pid in alive():
    try:
        names[pid] = open(f"/proc/{pid}/cmdline").read().replace("\0", " ")[:100]
    except OSError:
        pass

stop = time.time()
os.killpg(apphost.pid, signal.SIGINT)
gone = set()
while alive() and time.time() - stop < 120:
    now = alive()
    for pid in now - set(names):
        try:
            names[pid] = open(f"/proc/{pid}/cmdline").read().replace("\0", " ")[:100]
        except OSError:
            pass
    for pid in sorted(set(names) - now - gone):
        gone.add(pid)
        print(f"{time.time() - stop:5.1f} s  {names[pid]}", flush=True)
    time.sleep(0.1)

left = alive()
if not left:
    import shutil
    shutil.rmtree(data, ignore_errors=True)
print(f"stopped in {time.time() - stop:.1f} s" + (f"; still running: {sorted(left)}" if left else "; nothing left behind"))
sys.exit(1 if left else 0)
PY
