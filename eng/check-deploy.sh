#!/usr/bin/env bash
# Checks the Azure deployment without Azure: compiles every Bicep file (the Bicep CLI comes from NuGet through
# eng/bicep/Bicep.csproj), generates the AppHost's publish manifest and validates it, the container app templates (each
# service's migration init container among them) and the Service Bus topology (eng/check_deploy.py), checks the
# services' container image settings, writes image tarballs when the base image registry is reachable, and tests
# web/nginx.conf with a local nginx when one is installed.
# Exits non-zero on any error. Usage: eng/check-deploy.sh   (DEPLOY_CHECK_IMAGES=0 skips the image tarballs)
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
work="$(mktemp -d /tmp/ecommerce-deploy-check-XXXXXX)"
nginx_pid=""
cleanup() {
  [[ -n "$nginx_pid" ]] && kill "$nginx_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
failures=()
step() { printf '\n--- %s (%ss)\n' "$1" "$SECONDS"; }

step "Bicep CLI (NuGet: Azure.Bicep.CommandLine.linux-x64)"
dotnet restore eng/bicep/Bicep.csproj -v quiet -nologo >/dev/null
package_dir="$(dotnet msbuild eng/bicep/Bicep.csproj -t:PrintBicepPath -nologo -v:m | tail -1 | xargs)"
bicep="${package_dir}tools/bicep"
chmod +x "$bicep"
"$bicep" --version

step "compile every .bicep (one compiler process; diagnostics below)"
files=$(find infra -name '*.bicep' | sort)
if "$bicep" build --pattern 'infra/**/*.bicep' --outdir "$work/arm" 2>"$work/bicep.err"; then
  echo "  ok       $(wc -w <<<"$files") files compiled: $(tr '\n' ' ' <<<"$files")"
else
  echo "  ERROR    Bicep compilation failed"
  failures+=("bicep")
fi
sed 's/^/           /' "$work/bicep.err"
echo "bicep: $(grep -c ': Warning ' "$work/bicep.err" || true) warning(s), $(grep -c ': Error ' "$work/bicep.err" || true) error(s)"

step "AppHost publish manifest"
dotnet build ECommerce.AppHost -c Release -v quiet -nologo >/dev/null
dotnet run --project ECommerce.AppHost -c Release --no-build -- --publisher manifest --output-path "$work/aspire-manifest.json" >"$work/manifest.log" 2>&1 \
  || { cat "$work/manifest.log"; failures+=("manifest generation"); }

step "manifest, templates, topology, storefront image"
# The first python3 on PATH may be a pyenv build without PyYAML; Debian's (python3-yaml, installed by .ci/run) has it.
python=""
for candidate in python3 /usr/bin/python3; do
  if "$candidate" -c 'import yaml' 2>/dev/null; then python="$candidate"; break; fi
done
if [[ -z "$python" ]]; then
  apt-get install -y -qq --no-install-recommends python3-yaml >/dev/null
  python=/usr/bin/python3
fi
[[ -f "$work/aspire-manifest.json" ]] && { "$python" eng/check_deploy.py "$root" "$work/aspire-manifest.json" || failures+=("eng/check_deploy.py"); }

step "container image settings of every service (dotnet publish /t:PublishContainer)"
services=()
for project in services/*/*.csproj; do
  grep -q 'Sdk="Microsoft.NET.Sdk.Web"' "$project" && services+=("$project")
done
for project in "${services[@]}"; do
  props=$(dotnet msbuild "$project" -nologo -getProperty:ContainerBaseImage -getProperty:ContainerUser -getProperty:ContainerRepository \
    -getProperty:ThreadPoolSpinning -getItem:RuntimeHostConfigurationOption)
  base=$(jq -r .Properties.ContainerBaseImage <<<"$props")
  user=$(jq -r .Properties.ContainerUser <<<"$props")
  repository=$(jq -r .Properties.ContainerRepository <<<"$props")
  # ThreadPoolSpinning=false (services/Directory.Build.targets, root Directory.Build.props): workers sleep instead of spinning;
  # a service that sets ThreadPoolSpinning=true itself (the gateway) keeps the runtime's default.
  spin=$(jq -r '[.Items.RuntimeHostConfigurationOption[]? | select(.Identity == "System.Threading.ThreadPool.UnfairSemaphoreSpinLimit") | .Value][0] // "default"' <<<"$props")
  want_spin=0
  [[ "$(jq -r .Properties.ThreadPoolSpinning <<<"$props")" == "true" ]] && want_spin=default
  if [[ "$base" =~ (chiseled|slim|distroless) && -n "$user" && "$user" != "root" && "$user" != "0" && -n "$repository" && "$spin" == "$want_spin" ]]; then
    echo "  ok       $project -> $repository (base $base, user $user, thread-pool spin limit $spin)"
  else
    echo "  ERROR    $project: base '$base' (want chiseled/slim), user '$user' (want non-root), repository '$repository', thread-pool spin limit '$spin' (want $want_spin)"
    failures+=("image settings: $project")
  fi
done

step "image tarballs (ContainerArchiveOutputPath, no Docker engine needed)"
base_image=$(dotnet msbuild "${services[0]}" -nologo -getProperty:ContainerBaseImage)
registry_host="${base_image%%/*}"
if [[ "${DEPLOY_CHECK_IMAGES:-1}" == "0" ]]; then
  echo "  SKIPPED  DEPLOY_CHECK_IMAGES=0"
elif ! curl -s -o /dev/null --max-time 10 "https://$registry_host/v2/"; then
  echo "  SKIPPED  $registry_host is unreachable from this machine, so the base image cannot be pulled;"
  echo "           the image settings above were validated instead. Where it is reachable, this step writes"
  echo "           one tarball per service with dotnet publish /t:PublishContainer -p:ContainerArchiveOutputPath=…"
else
  for project in "${services[@]}"; do
    name=$(basename "$project" .csproj)
    if dotnet publish "$project" -c Release -r linux-x64 --self-contained false -t:PublishContainer \
        -p:ContainerArchiveOutputPath="$work/images/$name.tar.gz" -nologo -v:q >"$work/publish-$name.log" 2>&1; then
      echo "  ok       $name: $(du -h "$work/images/$name.tar.gz" | cut -f1) image tarball"
    else
      tail -5 "$work/publish-$name.log"
      failures+=("image: $name")
    fi
  done
fi

step "storefront nginx.conf"
if command -v nginx >/dev/null; then
  # The real config, rooted at a stand-in build, on a free port: probes, client-side routes, /api and missing assets.
  mkdir -p "$work/nginx/html/assets" "$work/nginx/tmp"
  chmod a+x "$work"  # nginx workers run as nobody when the check runs as root
  echo '<!doctype html><title>storefront</title>' >"$work/nginx/html/index.html"
  echo 'console.log(1)' >"$work/nginx/html/assets/app-1a2b.js"
  chmod -R a+rX "$work/nginx"
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  sed -e "s#listen 8080;#listen 127.0.0.1:$port;#" -e "s#root /usr/share/nginx/html;#root $work/nginx/html;#" web/nginx.conf >"$work/nginx/site.conf"
  cat >"$work/nginx/nginx.conf" <<EOF
daemon off; pid $work/nginx/nginx.pid; error_log $work/nginx/error.log;
events {}
http { access_log off; include /etc/nginx/mime.types;
  client_body_temp_path $work/nginx/tmp; proxy_temp_path $work/nginx/tmp; fastcgi_temp_path $work/nginx/tmp;
  uwsgi_temp_path $work/nginx/tmp; scgi_temp_path $work/nginx/tmp;
  include $work/nginx/site.conf; }
EOF
  nginx -c "$work/nginx/nginx.conf" -p "$work/nginx" &
  nginx_pid=$!
  for _ in $(seq 1 50); do curl -s -o /dev/null "http://127.0.0.1:$port/alive" && break; sleep 0.1; done
  expect() { # path, expected status, expected text in the body (optional)
    local body status
    body=$(curl -s -w '\n%{http_code}' "http://127.0.0.1:$port$1")
    status=${body##*$'\n'}
    if [[ "$status" == "$2" && ( -z "${3:-}" || "$body" == *"$3"* ) ]]; then
      echo "  ok       GET $1 -> $status"
    else
      echo "  ERROR    GET $1 -> $status, expected $2 ${3:+containing '$3'}"
      failures+=("nginx: $1")
    fi
  }
  expect /health 200 Healthy
  expect /alive 200 Healthy
  expect /products/some-slug 200 '<title>storefront</title>'
  expect /assets/app-1a2b.js 200
  expect /assets/missing.js 404
  expect /api/products 404
  kill "$nginx_pid"; wait "$nginx_pid" 2>/dev/null || true; nginx_pid=""
else
  echo "  SKIPPED  nginx is not installed (apt-get install nginx to test web/nginx.conf)"
fi

printf '\ndeploy check: %s error(s), %ss\n' "${#failures[@]}" "$SECONDS"
for failure in "${failures[@]}"; do echo "  failed: $failure"; done
[[ ${#failures[@]} -eq 0 ]]
