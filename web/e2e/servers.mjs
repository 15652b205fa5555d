import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startFixtureGateway } from "./fixture/server.mjs";

const webRoot = fileURLToPath(new URL("..", import.meta.url));
const repositoryRoot = fileURLToPath(new URL("../..", import.meta.url));

export const freePort = () =>
  new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

export async function waitFor(url, timeoutMs, isReady = (r) => r.ok) {
  const deadline = Date.now() + timeoutMs;
  let last = "";
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (await isReady(response)) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = String(error);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} not ready after ${timeoutMs} ms (${last})`);
}

// Children run in their own process groups (npm and dotnet start children of their own); if the runner dies early
// (Ctrl+C, a closed pipe, a crash) its exit handler still ends every group it started.
const groups = new Set();
process.on("exit", () => {
  for (const pid of groups) {
    try {
      process.kill(-pid, "SIGTERM");
    } catch {
      /* already gone */
    }
  }
});
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => process.exit(130));

function start(command, args, options) {
  const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"], detached: true, ...options });
  groups.add(child.pid);
  child.once("exit", () => groups.delete(child.pid));
  const output = [];
  child.stdout.on("data", (d) => output.push(String(d)));
  child.stderr.on("data", (d) => output.push(String(d)));
  return {
    output,
    // The whole process group: npm/dotnet start children of their own.
    stop: () => {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        /* already gone */
      }
      return new Promise((r) => (child.exitCode !== null ? r() : child.once("exit", r)));
    },
  };
}

/** The built storefront in `vite preview`, its /api etc. proxied to the in-memory fixture gateway. */
export async function startPreviewWithFixture() {
  const fixture = await startFixtureGateway(0);
  const port = await freePort();
  const gateway = `http://127.0.0.1:${fixture.address().port}`;
  const preview = start(process.execPath, ["node_modules/vite/bin/vite.js", "preview"], { cwd: webRoot, env: { ...process.env, PORT: String(port), GATEWAY_URL: gateway } });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitFor(`${baseUrl}/`, 30_000);
  return { baseUrl, mode: "fixture", stop: async () => (await preview.stop(), fixture.close()) };
}

/**
 * The whole system: `dotnet run` of the AppHost in local mode, the storefront on a port we choose, its data in a fresh
 * temporary folder (so the admin seeded with the password we choose is the only one) and the dashboard on free ports
 * (so a developer's own AppHost can keep running).
 */
export async function startAppHost() {
  const [port, dashboard, otlp, resources] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
  const dataDirectory = mkdtempSync(join(tmpdir(), "ecommerce-e2e-"));
  const adminPassword = `E2e-admin-${randomUUID()}`;
  const apphost = start(
    "dotnet",
    ["run", "--project", "ECommerce.AppHost", "-c", "Release", "--no-launch-profile", "--",
      "--infra", "local", "--Web:Port", String(port), "--Infrastructure:DataDirectory", dataDirectory, "--Auth:Admin:Password", adminPassword],
    {
      cwd: repositoryRoot,
      env: {
        ...process.env,
        ASPNETCORE_ENVIRONMENT: "Development",
        DOTNET_ENVIRONMENT: "Development",
        ASPIRE_ALLOW_UNSECURED_TRANSPORT: "true",
        ASPNETCORE_URLS: `http://localhost:${dashboard}`,
        ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL: `http://localhost:${otlp}`,
        ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL: `http://localhost:${resources}`,
      },
    },
  );
  const stop = async () => {
    await apphost.stop();
    rmSync(dataDirectory, { recursive: true, force: true });
  };
  const baseUrl = `http://localhost:${port}`;
  try {
    await waitFor(`${baseUrl}/`, 240_000);
    // The storefront answers before the services behind the gateway do; wait for the catalog through the proxy.
    await waitFor(`${baseUrl}/api/products?limit=1`, 240_000);
  } catch (error) {
    console.error(apphost.output.join("").slice(-4000));
    await stop();
    throw error;
  }
  return { baseUrl, mode: "apphost", adminPassword, stop };
}
