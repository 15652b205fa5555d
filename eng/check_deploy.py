#!/usr/bin/env python3
"""Validates the deployment description against the code: the AppHost manifest against eng/expected-resources.txt,
each infra/<name>.tmpl.yaml against the manifest and the production rules (among them: a service with a database
migrates in an init container running its own image as `migrate`, and not at start), the Service Bus topology against the
events and the services' subscriptions, and the storefront's Dockerfile. Called by eng/check-deploy.sh.

Usage: check_deploy.py <repository root> <aspire-manifest.json>
Prints one line per finding; exits 1 when any finding is an error.
"""
import json
import re
import sys
from pathlib import Path

import yaml

SECRET_LIKE = re.compile(r"(ConnectionStrings__|Secret|Password|Key$|Certificate)", re.IGNORECASE)
GO_CONTROL_LINE = re.compile(r"^\s*\{\{-?\s*(if|else|end|range|with)\b.*\}\}\s*$")
ENV_REFERENCE = re.compile(r"\.Env\.([A-Z0-9_]+)")
# azd sets these itself; every other .Env.X a template reads must be an output of infra/main.bicep.
AZD_PROVIDED = {"AZURE_LOCATION", "AZURE_ENV_NAME", "AZURE_SUBSCRIPTION_ID"}


class Report:
    def __init__(self):
        self.errors = 0
        self.warnings = 0

    def ok(self, message):
        print(f"  ok       {message}")

    def info(self, message):
        print(f"  info     {message}")

    def warn(self, message):
        self.warnings += 1
        print(f"  WARNING  {message}")

    def error(self, message):
        self.errors += 1
        print(f"  ERROR    {message}")


def read_expected(path):
    required, pending = [], []
    for raw in path.read_text().splitlines():
        line = raw.strip()
        is_pending = line.startswith("#pending ")
        if is_pending:
            line = line[len("#pending "):].strip()
        elif not line or line.startswith("#"):
            continue
        name, kind, *references = line.split()
        (pending if is_pending else required).append((name, kind, references))
    return required, pending


def kind_matches(kind, resource):
    resource_type = resource.get("type", "")
    if kind == "project":
        return resource_type.startswith("project.")
    if kind == "dockerfile":
        return resource_type.startswith("dockerfile.") or (resource_type.startswith("container.") and "build" in resource)
    if kind == "connectionstring":
        return "connectionString" in resource
    raise ValueError(f"unknown kind '{kind}' in eng/expected-resources.txt")


def check_manifest(report, manifest, required, pending):
    print("manifest: expected resources (eng/expected-resources.txt)")
    resources = manifest["resources"]
    for name, kind, references in required:
        resource = resources.get(name)
        if resource is None:
            report.error(f"{name}: missing from the manifest (expected a {kind})")
            continue
        if not kind_matches(kind, resource):
            report.error(f"{name}: is '{resource.get('type')}', expected a {kind}")
            continue
        env = resource.get("env", {})
        missing = [r for r in references if f"ConnectionStrings__{r}" not in env]
        if missing:
            report.error(f"{name}: does not receive connection string(s) {', '.join(missing)}")
        else:
            report.ok(f"{name} ({kind}{', ' + ' '.join(references) if references else ''})")
    for name, kind, _ in pending:
        state = "present" if name in resources else "not in the AppHost yet"
        report.info(f"{name} ({kind}, pending): {state}")
    listed = {n for n, _, _ in required + pending}
    for name, resource in resources.items():
        if name not in listed and resource.get("type", "").split(".")[0] in ("project", "dockerfile", "container"):
            report.error(f"{name}: deployable resource not listed in eng/expected-resources.txt (add it, and infra/{name}.tmpl.yaml)")


def load_template(path):
    # Go template control lines ({{ if }}…{{ end }}) are not YAML; the guarded lines themselves are, so keep those.
    text = "\n".join(line for line in path.read_text().splitlines() if not GO_CONTROL_LINE.match(line))
    return yaml.safe_load(text)


def probe_paths(container):
    return {p.get("type"): p.get("httpGet", {}).get("path") for p in container.get("probes", [])}


def memory_gi(value):
    return float(str(value).removesuffix("Gi"))


def valid_allocation(cpu, memory):
    # Consumption profile: 0.25 to 2 vCPU in quarters, with twice as many GiB of memory.
    return 0.25 <= cpu <= 2 and (cpu * 4).is_integer() and abs(memory - 2 * cpu) < 1e-9


def migration_step_problems(container, template_spec, databases):
    """A service with a database migrates in an init container from its own image (`migrate`), with the service's
    settings, and the service itself does not migrate at start (docs/operations.md)."""
    problems = []
    init_containers = template_spec.get("initContainers", []) or []
    env = {e.get("name"): e for e in container.get("env", []) or []}
    if not databases:
        if init_containers:
            problems.append("has an init container but no database to migrate")
        return problems
    if str(env.get("Database__MigrateAtStart", {}).get("value", "")).lower() != "false":
        problems.append("env Database__MigrateAtStart must be \"false\" (the init container migrates)")
    if len(init_containers) != 1:
        problems.append(f"expected one migration init container for {', '.join(databases)}, found {len(init_containers)}")
        return problems
    init = init_containers[0]
    if init.get("image") != container.get("image"):
        problems.append("the migration init container must run the service's own image")
    if init.get("args") != ["migrate"] or init.get("command"):
        problems.append("the migration init container must run the image's entrypoint with args [migrate]")
    init_env = {e.get("name"): e for e in init.get("env", []) or []}
    service_env = {k: v for k, v in env.items() if k != "Database__MigrateAtStart"}
    if init_env != service_env:
        differ = sorted(set(init_env) ^ set(service_env) | {k for k in set(init_env) & set(service_env) if init_env[k] != service_env[k]})
        problems.append(f"the migration init container's env differs from the service's: {', '.join(differ)}")
    resources, init_resources = container.get("resources", {}), init.get("resources", {})
    try:
        cpu, memory = float(resources["cpu"]), memory_gi(resources["memory"])
        total_cpu, total_memory = cpu + float(init_resources["cpu"]), memory + memory_gi(init_resources["memory"])
        if not (valid_allocation(cpu, memory) and valid_allocation(total_cpu, total_memory)):
            problems.append(f"cpu/memory {cpu}/{memory}Gi, with the init container {total_cpu}/{total_memory}Gi: not a valid allocation")
    except (KeyError, ValueError):
        problems.append("the service and its migration init container must both state cpu and memory")
    return problems


def check_template(report, root, name, manifest_resource, subscriptions, bicep_outputs, databases=()):
    path = root / "infra" / f"{name}.tmpl.yaml"
    if not path.exists():
        report.error(f"{name}: infra/{name}.tmpl.yaml is missing")
        return
    try:
        template = load_template(path)
    except yaml.YAMLError as e:
        report.error(f"{name}: infra/{name}.tmpl.yaml is not valid YAML: {e}")
        return
    problems = []
    properties = template.get("properties", {})
    configuration = properties.get("configuration", {})
    containers = properties.get("template", {}).get("containers", [])
    if len(containers) != 1:
        problems.append("expected exactly one container")
        containers = containers or [{}]
    container = containers[0]

    probes = probe_paths(container)
    if probes.get("Liveness") != "/alive":
        problems.append("no Liveness probe on /alive")
    if probes.get("Readiness") != "/health":
        problems.append("no Readiness probe on /health")

    ingress = configuration.get("ingress", {})
    if name == "gateway":
        if ingress.get("external") is not True or ingress.get("allowInsecure") is not False:
            problems.append("the gateway must have external, HTTPS-only ingress (external: true, allowInsecure: false)")
    elif ingress.get("external") is not False:
        problems.append("ingress must be internal (only the gateway is external)")

    secrets = {s.get("name"): s for s in configuration.get("secrets", []) or []}
    for secret_name, secret in secrets.items():
        if "value" in secret or "keyVaultUrl" not in secret:
            problems.append(f"secret '{secret_name}' is not a Key Vault reference")
    env = {e.get("name"): e for e in container.get("env", []) or []}
    for env_name, entry in env.items():
        if "secretRef" in entry:
            if entry["secretRef"] not in secrets:
                problems.append(f"env {env_name} refers to undeclared secret '{entry['secretRef']}'")
        elif SECRET_LIKE.search(env_name or ""):
            problems.append(f"env {env_name} looks secret but is a plain value (use a Key Vault secretRef)")

    # The gateway's checkout-first rule is for one machine running every service; each Container App has its own cores.
    checkout_first = [source for source, values in (("template", {k: v.get("value") for k, v in env.items()}),
                                                   ("manifest", (manifest_resource or {}).get("env", {})))
                      if str(values.get("Gateway__CheckoutFirst__Enabled", "false")).lower() == "true"]
    if checkout_first:
        problems.append(f"Gateway__CheckoutFirst__Enabled is on in the {' and '.join(checkout_first)} (it is for a local run only)")

    if "ConnectionStrings__messaging" in env and env.get("Messaging__Transport", {}).get("value") != "servicebus":
        problems.append("Messaging__Transport must be 'servicebus' beside ConnectionStrings__messaging (the deployed broker)")

    if manifest_resource is not None:
        missing_env = sorted(set(manifest_resource.get("env", {})) - set(env))
        if missing_env:
            problems.append(f"env missing what the manifest gives this resource: {', '.join(missing_env)}")

    scale = properties.get("template", {}).get("scale", {}) or {}
    low, high = scale.get("minReplicas"), scale.get("maxReplicas")
    if not isinstance(low, int) or not isinstance(high, int):
        problems.append("scale must state minReplicas and maxReplicas (docs/operations.md lists them per service)")
    else:
        # At least one replica always: the background sweeps (outbox, reservation expiry, order timeouts, mail,
        # training) run only in a running replica, and a scale rule waking it would not see a due timer.
        if low < 1:
            problems.append(f"minReplicas {low}: at least 1 (background jobs only run in a running replica)")
        if high < max(low, 2):
            problems.append(f"maxReplicas {high}: at least 2 and at least minReplicas (the service scales out)")
    rules = scale.get("rules", []) or []
    if not any("http" in r for r in rules):
        problems.append("no HTTP concurrency scale rule")
    scaled = {(r["custom"]["metadata"].get("topicName"), r["custom"]["metadata"].get("subscriptionName"))
              for r in rules if r.get("custom", {}).get("type") == "azure-servicebus"}
    for topic in subscriptions.get(name, []):
        if (topic, name) not in scaled:
            problems.append(f"no Service Bus scale rule for {topic}/{name}")
    for topic, subscription in scaled:
        if subscription != name or topic not in subscriptions.get(name, []):
            problems.append(f"scale rule for {topic}/{subscription}, which infra/servicebus-topology.json does not give {name}")

    problems += migration_step_problems(container, properties.get("template", {}), list(databases))

    unknown = sorted(set(ENV_REFERENCE.findall(path.read_text())) - bicep_outputs - AZD_PROVIDED)
    if unknown:
        problems.append(f"reads {', '.join(unknown)}, which infra/main.bicep does not output")

    if problems:
        for problem in problems:
            report.error(f"{name}: {problem}")
    else:
        report.ok(f"{name}: probes /alive and /health, {'external HTTPS' if name == 'gateway' else 'internal'} ingress, "
                  f"{len(secrets)} Key Vault secret(s), {low}-{high} replicas, {len(rules)} scale rule(s)"
                  + (f", migrates {' '.join(databases)} in an init container" if databases else "")
                  + ("" if manifest_resource is not None else " (not in the manifest yet)"))


def check_topology(report, root):
    print("service bus: infra/servicebus-topology.json against the contracts and the services' subscriptions")
    topology = json.loads((root / "infra" / "servicebus-topology.json").read_text())
    topics = set(topology["topics"])
    subscriptions = topology["subscriptions"]
    # Topics are the events' stable [EventName("…")] names, not their class names.
    names = {}
    for source in (root / "services" / "ECommerce.Contracts").glob("*.cs"):
        for name, record in re.findall(r'\[EventName\("([^"]+)"\)\]\s*public\s+sealed\s+record\s+(\w+)', source.read_text()):
            names[record] = name
        for record in re.findall(r"record\s+(\w+)\s*\([^;]*?\)\s*:\s*IntegrationEvent", source.read_text(), re.DOTALL):
            if record not in names:
                report.error(f"event {record} has no [EventName(\"…\")]")
    events = set(names.values())
    for event in sorted(events - topics):
        report.error(f"event {event} has no topic (publishing it would fail: apps have no Manage right)")
    for topic in sorted(topics - events):
        report.warn(f"topic {topic} matches no event in ECommerce.Contracts")
    for service, subscribed in subscriptions.items():
        for topic in subscribed:
            if topic not in topics:
                report.error(f"subscription {service} on {topic}: no such topic")
    # What the code subscribes to must exist in Azure, where the apps cannot create subscriptions.
    found_code = 0
    for project in sorted((root / "services").glob("*/*.csproj")):
        service = project.stem.split(".")[-1].lower()
        for source in project.parent.rglob("*.cs"):
            if "/obj/" in str(source) or "/bin/" in str(source):
                continue
            for record in re.findall(r"\.Subscribe<\s*(\w+)\s*,", source.read_text()):
                found_code += 1
                event = names.get(record, record)
                if event not in subscriptions.get(service, []):
                    report.error(f"{service} subscribes to {event} in {source.relative_to(root)}, but the topology lacks {event}/{service}")
    total = sum(len(s) for s in subscriptions.values())
    report.ok(f"{len(topics)} topics, {total} subscriptions; every contract event has a topic; "
              f"{found_code} Subscribe<…>() call(s) in services/ all covered")
    return subscriptions


def check_storefront_image(report, root):
    print("storefront image: web/Dockerfile and web/nginx.conf")
    dockerfile = root / "web" / "Dockerfile"
    nginx = root / "web" / "nginx.conf"
    if not dockerfile.exists() or not nginx.exists():
        report.error("web/Dockerfile or web/nginx.conf is missing")
        return
    lines = [l.strip() for l in dockerfile.read_text().splitlines() if l.strip() and not l.strip().startswith("#")]
    final_stage = lines[max(i for i, l in enumerate(lines) if l.upper().startswith("FROM ")):]
    users = [l.split()[1] for l in final_stage if l.upper().startswith("USER ")]
    problems = []
    if not users or users[-1] in ("root", "0"):
        problems.append("the final stage must set a non-root USER")
    if not any(l.upper().startswith("EXPOSE ") and "8080" in l for l in final_stage):
        problems.append("the final stage must EXPOSE 8080 (infra/web.tmpl.yaml targets it)")
    if not re.search(r"listen\s+8080\s*;", nginx.read_text()):
        problems.append("nginx.conf must listen on 8080")
    for path in ("/health", "/alive"):
        if f"location = {path}" not in nginx.read_text():
            problems.append(f"nginx.conf must answer {path} for the probes")
    for problem in problems:
        report.error(f"web: {problem}")
    if not problems:
        report.ok(f"web: non-root USER {users[-1]}, port 8080, /health and /alive")


def main():
    root = Path(sys.argv[1]).resolve()
    manifest = json.loads(Path(sys.argv[2]).read_text())
    report = Report()
    required, pending = read_expected(root / "eng" / "expected-resources.txt")

    check_manifest(report, manifest, required, pending)
    subscriptions = check_topology(report, root)

    print("container app templates: infra/<name>.tmpl.yaml")
    bicep_outputs = set(re.findall(r"^output\s+(\w+)", (root / "infra" / "main.bicep").read_text(), re.MULTILINE))
    deployable = [(n, k, r) for n, k, r in required + pending if k in ("project", "dockerfile")]
    for name, _, references in deployable:
        databases = [r for r in references if r.endswith("db")]
        check_template(report, root, name, manifest["resources"].get(name), subscriptions, bicep_outputs, databases)
    listed = {n for n, _, _ in deployable}
    for extra in sorted(p.name.removesuffix(".tmpl.yaml") for p in (root / "infra").glob("*.tmpl.yaml")):
        if extra not in listed:
            report.warn(f"infra/{extra}.tmpl.yaml belongs to no resource in eng/expected-resources.txt")

    check_storefront_image(report, root)
    print(f"checks: {report.errors} error(s), {report.warnings} warning(s)")
    return 1 if report.errors else 0


if __name__ == "__main__":
    sys.exit(main())
