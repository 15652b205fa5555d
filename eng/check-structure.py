#!/usr/bin/env python3
"""Checks the shape docs/architecture.md promises for every service under services/:

- no folder-level import cycle: a folder of a service (Carts/, Domain/, ...) that names another folder's namespace
  (`ECommerce.Orders.Domain`) depends on it; no two folders may depend on each other, directly or round a loop;
- Domain/ imports neither ASP.NET Core nor Entity Framework;
- no hand-written C# file (generated migrations aside) is longer than 300 lines.

Prints what it finds and exits 1 on any violation. Run: python3 eng/check-structure.py
"""
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
MAX_LINES = 300
problems = []

for service in sorted(p for p in (ROOT / "services").iterdir() if p.is_dir()):
    files = [f for f in service.rglob("*.cs") if not {"bin", "obj", "Migrations"} & set(f.relative_to(service).parts)]
    if not files:
        continue
    name = service.name if service.name.startswith("ECommerce.") else f"ECommerce.{service.name}"
    folders = {p.name for p in service.iterdir() if p.is_dir() and p.name not in {"bin", "obj", "Properties"}}
    edges = {}
    for file in files:
        text = file.read_text(encoding="utf-8")
        relative = file.relative_to(service)
        lines = text.count("\n") + 1
        if lines > MAX_LINES:
            problems.append(f"{file.relative_to(ROOT)}: {lines} lines (more than {MAX_LINES})")
        if len(relative.parts) < 2:
            continue
        folder = relative.parts[0]
        for target in re.findall(re.escape(name) + r"\.(\w+)", text):
            if target in folders and target != folder:
                edges.setdefault(folder, set()).add(target)
        if folder == "Domain" and re.search(r"^using (Microsoft\.AspNetCore|Microsoft\.EntityFrameworkCore)", text, re.M):
            problems.append(f"{file.relative_to(ROOT)}: Domain/ imports ASP.NET Core or EF Core")

    def reachable(start):
        seen, stack = set(), [start]
        while stack:
            for nxt in edges.get(stack.pop(), ()):
                if nxt not in seen:
                    seen.add(nxt)
                    stack.append(nxt)
        return seen

    in_cycle = sorted(f for f in edges if f in reachable(f))
    if in_cycle:
        problems.append(f"services/{service.name}: folders in an import cycle: {', '.join(in_cycle)} "
                        f"(edges: {'; '.join(f'{a} -> {sorted(b)}' for a, b in sorted(edges.items()) if a in in_cycle)})")
    print(f"services/{service.name}: {len(files)} files, {len(folders)} folders, "
          f"{'no folder cycle' if not in_cycle else 'CYCLE'}")

for problem in problems:
    print("error:", problem)
sys.exit(1 if problems else 0)
