#!/usr/bin/env python3
"""The key figures of saturated checkout runs, per run and per variant (mean and range), as Markdown tables.

    checkout_summary.py LOG...      logs of the load generator's --checkout-only command, named LABEL-ROUND.log
                                    (perf/compare-checkout.sh writes them so); runs are listed in the order of their start

Per paid order: CPU (all processes, and above the idle baseline), Orders' and Products' CPU, requests through the gateway
and SQL statements; place → Paid p50 and p95; the machine-speed probe's median.
A run whose invariants were not all 0 is marked; its figures still count, the mark says they are suspect.
"""
import os
import re
import statistics
import sys


def figures(path):
    text = open(path, encoding="utf-8", errors="replace").read()

    def number(pattern):
        m = re.search(pattern, text, re.M)
        return float(m.group(1).replace(",", "")) if m else None

    def per_paid(group):
        m = re.search(r"^  " + re.escape(group) + r"\s+[\d.]+\s+\d+ %\s+([\d.]+)", text, re.M)
        return float(m.group(1)) if m else None

    requests = number(r"^total (\d+) requests")
    paid = number(r"^orders placed \d+: paid (\d+)")
    statements = re.findall(r"^  \w+\s+([\d.]+) calls", text, re.M)
    violations = number(r"^VIOLATIONS\s+(\d+)")
    return {
        "paid/s": number(r"paid orders per second of load: ([\d.]+)"),
        "p50 ms": number(r"place → Paid .* p50 (\d+) ms"),
        "p95 ms": number(r"place → Paid .* p95 (\d+) ms"),
        "CPU ms": number(r"CPU s counted, ([\d.]+) ms per paid order"),
        "above idle": number(r"above idle [\d.]+ CPU s, ([\d.]+) ms per paid order"),
        "Orders": per_paid("Orders"),
        "Products": per_paid("Products"),
        # The journeys' mix moves the cost per paid order: more basket lines or more refused checkouts, more calls per order.
        "requests": requests / paid if requests and paid else None,
        "statements": sum(float(s) for s in statements) if statements else None,
        "speed µs": number(r"^machine speed: a fixed piece of work took ([\d.]+) µs"),
        "ok": violations == 0,
    }


COLUMNS = ["paid/s", "p50 ms", "p95 ms", "CPU ms", "above idle", "Orders", "Products", "requests", "statements", "speed µs"]


def cell(value, column):
    if value is None:
        return "—"
    if column == "paid/s":
        return f"{value:.2f}"
    return f"{value:,.0f}" if column in ("p50 ms", "p95 ms", "statements", "speed µs") else f"{value:.1f}"


def main(paths):
    if not paths:
        sys.exit(__doc__)
    runs = []
    for path in sorted(paths, key=os.path.getmtime):
        name = os.path.basename(path).removesuffix(".log")
        label = re.sub(r"-\d+$", "", name)
        runs.append((name, label, figures(path)))

    print("| run | " + " | ".join(COLUMNS) + " |")
    print("| --- |" + " ---: |" * len(COLUMNS))
    for name, _, f in runs:
        mark = "" if f["ok"] else " (invariants not 0 or not reported)"
        print(f"| {name}{mark} | " + " | ".join(cell(f[c], c) for c in COLUMNS) + " |")

    print()
    print("| variant | runs | " + " | ".join(f"{c} mean (range)" for c in ["paid/s", "CPU ms", "Orders", "statements", "speed µs"]) + " |")
    print("| --- | ---: |" + " --- |" * 5)
    for label in dict.fromkeys(label for _, label, _ in runs):
        mine = [f for _, l, f in runs if l == label]
        row = []
        for c in ["paid/s", "CPU ms", "Orders", "statements", "speed µs"]:
            values = [f[c] for f in mine if f[c] is not None]
            row.append(f"{cell(statistics.mean(values), c)} ({cell(min(values), c)}–{cell(max(values), c)})" if values else "—")
        print(f"| {label} | {len(mine)} | " + " | ".join(row) + " |")


if __name__ == "__main__":
    main(sys.argv[1:])
