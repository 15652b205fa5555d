#!/usr/bin/env node
// `npm start`: the storefront as shoppers get it, for the AppHost's default run. Builds the production bundle into
// .apphost-dist/ (not dist/, which `npm run build` and the fixture browser journeys own, so the two never write the
// same folder at once) unless the last build is newer than every source file, then serves it with `vite preview`:
// the same static files nginx serves in Azure, with /api, /connect, /.well-known and /account proxied to GATEWAY_URL
// (vite.config.ts). For hot reload while editing the storefront, run the AppHost with --Web:Mode dev (`npm run dev`).
import { existsSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build, preview } from "vite";

const root = fileURLToPath(new URL("..", import.meta.url));
const outDir = join(root, ".apphost-dist");
const stamp = join(outDir, ".built");
// Everything a build reads; node_modules changes only with package-lock.json.
const inputs = ["src", "public", "index.html", "vite.config.ts", "package-lock.json", "tsconfig.json"];

function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((latest, name) => Math.max(latest, newest(join(path, name))), stat.mtimeMs);
}

const sourcesChanged = newest(stamp) === 0 || inputs.some((input) => newest(join(root, input)) > newest(stamp));
if (sourcesChanged) {
  const started = performance.now();
  console.log("building the storefront (production bundle) into .apphost-dist/ …");
  await build({ root, logLevel: "warn", build: { outDir, emptyOutDir: true } });
  writeFileSync(stamp, new Date().toISOString());
  console.log(`built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
} else {
  console.log("the production bundle in .apphost-dist/ is current; serving it");
}

const server = await preview({ root, build: { outDir } });
server.printUrls();
