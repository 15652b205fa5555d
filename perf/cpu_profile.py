#!/usr/bin/env python3
"""Where the CPU goes: a `perf record -a -g` of the whole machine, by process and, inside each .NET service, by component.

    cpu_profile.py names > pids.txt                  which process is which (run while the system is up)
    perf script -F comm,pid,tid,ip,sym,dso | cpu_profile.py report pids.txt [Orders,Products,...]

The .NET processes must run with DOTNET_PerfMapEnabled=3 (perf reads /tmp/perf-<pid>.map for the names of
JIT-compiled code) and DOTNET_EnableWriteXorExecute=0 (with W^X the code runs from a memfd mapping perf cannot
name). perf/profile-checkout.sh sets both and runs the whole measurement; docs/benchmarks.md has the figures.
"""
import collections
import os
import re
import sys

SERVICE = re.compile(r"ECommerce\.([A-Za-z]+)(?:\.dll)?$")
# A frame's component: the first prefix of its type name that matches, in this order.
COMPONENTS = [
    ("Npgsql.EntityFrameworkCore", "EF Core"),
    ("Npgsql", "Npgsql"),
    ("Microsoft.EntityFrameworkCore", "EF Core"),
    ("System.Linq.Expressions", "EF Core"),  # the expression trees EF builds and walks per query
    ("System.Text.Json", "System.Text.Json"),
    ("Microsoft.AspNetCore.Server.Kestrel", "Kestrel"),
    ("System.IO.Pipelines", "Kestrel"),
    ("Microsoft.AspNetCore.Authentication", "authentication"),
    ("Microsoft.IdentityModel", "authentication"),
    ("System.IdentityModel", "authentication"),
    ("Microsoft.AspNetCore", "ASP.NET Core"),
    ("Yarp", "YARP"),
    ("System.Net.Http", "HttpClient"),
    ("Polly", "HttpClient resilience (Polly)"),
    ("Microsoft.Extensions.Http", "HttpClient resilience (Polly)"),
    ("Microsoft.Extensions.ServiceDiscovery", "HttpClient resilience (Polly)"),
    ("System.Net.Sockets", "sockets"),
    ("OpenTelemetry", "telemetry"),
    ("System.Diagnostics", "telemetry"),
    ("Microsoft.Extensions.Logging", "logging"),
    ("StackExchange.Redis", "Redis client"),
    ("Microsoft.Extensions.Caching", "Redis client"),
    ("ECommerce.Messaging", "ECommerce messaging"),
    ("ECommerce", "ECommerce code"),
    ("System.Threading", "async and thread pool"),
    ("System.Runtime.CompilerServices", "async and thread pool"),
    ("System.Security.Cryptography", "OpenSSL"),
    ("System.Dynamic.Utils", "EF Core"),
    ("dynamicClass", "generated code (EF shapers, endpoint delegates)"),
    ("Microsoft.Extensions.DependencyInjection", "dependency injection"),
    ("System.Reflection", "reflection"),
    ("System.RuntimeType", "reflection"),
    ("System.RuntimeMethodHandle", "reflection"),
    ("System.Collections", "BCL (collections, strings, LINQ, spans)"),
    ("System.Linq", "BCL (collections, strings, LINQ, spans)"),
    ("System.String", "BCL (collections, strings, LINQ, spans)"),
    ("System.SpanHelpers", "BCL (collections, strings, LINQ, spans)"),
    ("System.Text", "BCL (collections, strings, LINQ, spans)"),
    ("System.Buffers", "BCL (collections, strings, LINQ, spans)"),
    ("System.Globalization", "BCL (collections, strings, LINQ, spans)"),
]
MANAGED_FRAME = re.compile(r"\[([^\]]+)\] ([^\s:(]+)::")


def names():
    """Prints "pid name" for every process of the system: services by assembly, PostgreSQL backends by database."""
    for pid in sorted(os.listdir("/proc"), key=lambda p: int(p) if p.isdigit() else 0):
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                args = [a.decode(errors="replace") for a in f.read().split(b"\0") if a]
        except OSError:
            continue
        if not args:
            continue
        name = None
        for a in args:
            m = SERVICE.search(a)
            if m and "/perf/" not in a:
                name = m.group(1)
        if args[0].startswith("postgres:"):
            words = args[0].split()
            name = f"postgres {words[2]}" if len(words) > 3 and "(" in args[0] else "postgres (own)"
        elif "Smtp4dev" in args[0]:
            name = "smtp4dev (local mail)"
        elif "Aspire.Dashboard" in args[0]:
            name = "aspire dashboard"
        elif "LoadGenerator" in " ".join(args):
            name = "load generator"
        elif os.path.basename(args[0]) == "dcp":
            name = "aspire dcp"
        elif "redis-server" in args[0]:
            name = "redis"
        if name:
            print(pid, name)


def component(sym, dso):
    if "kernel" in dso:
        return "kernel"
    if "libcoreclr" in dso:
        return "runtime (GC, allocation, stubs)"
    if "libclrjit" in dso:
        return "JIT"
    if "libcrypto" in dso or "libssl" in dso or "Cryptography.Native" in dso:
        return "OpenSSL"
    if "libc.so" in dso or "libSystem.Native" in dso or "ld-linux" in dso or "vdso" in dso:
        return "libc"
    if sym.startswith("stub "):
        return "runtime (GC, allocation, stubs)"
    m = MANAGED_FRAME.search(sym)
    if not m:
        return "unnamed code" if dso in ("[unknown]",) or "memfd" in dso or "perf-" in dso else os.path.basename(dso)
    for prefix, label in COMPONENTS:
        if m.group(2).startswith(prefix):
            return label
    return "other managed"


def report(pids_file, targets):
    owners = dict(line.split(None, 1) for line in open(pids_file) if line.strip())
    owners = {p: n.strip() for p, n in owners.items()}
    samples, frames, pid = [], None, None
    for line in sys.stdin:
        if not line.strip():
            if frames is not None:
                samples.append((pid, frames, thread))
            frames = None
            continue
        if not line[0].isspace():
            m = re.match(r"\s*(.*?)\s+(\d+)/\d+\s*$", line)
            pid, thread, frames = (m.group(2) if m else "?"), (m.group(1) if m else "?"), []
            continue
        m = re.match(r"\s*[0-9a-f]+\s+(.*)\s+\((.*)\)\s*$", line)
        if m and frames is not None:
            frames.append((m.group(1), m.group(2)))
    if frames is not None:
        samples.append((pid, frames, thread))
    total = len(samples)
    if not total:
        sys.exit("no samples: was perf script given the recording?")

    def owner(p):
        return owners.get(p, "other")

    by_process, in_kernel = collections.Counter(), collections.Counter()
    for p, st, _ in samples:
        by_process[owner(p)] += 1
        if st and "kernel" in st[0][1]:
            in_kernel[owner(p)] += 1
    print(f"{total} samples of the whole machine")
    print(f"  {'process':28} {'share':>6} {'of it in the kernel':>20}")
    for name, n in by_process.most_common(24):
        print(f"  {name:28} {n * 100 / total:5.1f}% {in_kernel[name] * 100 / n:19.1f}%")

    for target in targets or [n for n, _ in by_process.most_common() if n[:1].isupper() and " " not in n]:
        own, within, threads = collections.Counter(), collections.Counter(), collections.Counter()
        n = 0
        for p, st, thread in samples:
            if owner(p) != target or not st:
                continue
            n += 1
            # The runtime names its threads: ".NET TP Worker", ".NET Server GC", ".NET Tiered Compilation Worker", ...
            threads[re.sub(r"\d+", "#", thread)] += 1
            own[component(*st[0])] += 1
            for c in {component(s, d) for s, d in st}:
                within[c] += 1
        if not n:
            continue
        print(f"\n{target}: {n * 100 / total:.1f}% of the machine; by component, its own time (self) and with what it called (total)")
        for c, v in sorted(within.items(), key=lambda kv: (-own[kv[0]], -kv[1]))[:18]:
            print(f"  self {own[c] * 100 / n:5.1f}%  total {v * 100 / n:5.1f}%  {c}")
        print("  by thread (perf keeps 15 characters of a name): " + ", ".join(f"{t} {v * 100 / n:.1f}%" for t, v in threads.most_common(6)))


if __name__ == "__main__":
    if len(sys.argv) >= 2 and sys.argv[1] == "names":
        names()
    elif len(sys.argv) >= 3 and sys.argv[1] == "report":
        report(sys.argv[2], [t for t in (sys.argv[3].split(",") if len(sys.argv) > 3 else []) if t])
    else:
        sys.exit(__doc__)
