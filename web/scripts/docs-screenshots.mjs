#!/usr/bin/env node
// `npm run screenshots`: refreshes the screenshots in docs/images/storefront/ that docs/storefront.md shows, from the
// browser journeys themselves (e2e/run.mjs saves the listed states as viewport JPEGs beside its full-page PNGs).
// By default against the whole system (`--apphost`: the AppHost's production build, the seeded catalog, real
// services); `-- --fixture` uses the in-memory fixture gateway instead (faster, made-up products).
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";

// Desktop (1280×900) and phone (390×844 / 375×740) states; names are the journeys' screenshot names.
export const shots = [
  "01-home", "02-catalog", "03-product", "04-cart", "05-checkout", "06-order-paid", "25-return-refunded",
  "12-admin-orders", "09-phone-home", "29-phone-filters-drawer", "32-phone-cart-drawer", "34-phone-checkout", "35-phone-order-paid",
  "70-gallery", "71-zoom", "72-phone-gallery", "73-phone-zoom",
];

const web = fileURLToPath(new URL("..", import.meta.url));
const target = fileURLToPath(new URL("../../docs/images/storefront/", import.meta.url));
// Only the journeys' JPEGs are replaced; other pictures in the folder (the code-layout drawing) stay.
mkdirSync(target, { recursive: true });
for (const file of readdirSync(target).filter((f) => f.endsWith(".jpg"))) rmSync(target + file);
const args = ["e2e/run.mjs", ...(process.argv.includes("--fixture") ? [] : ["--apphost"])];
const run = spawnSync(process.execPath, args, {
  cwd: web,
  stdio: "inherit",
  env: { ...process.env, E2E_DOCS_DIR: target, E2E_DOCS_SHOTS: shots.join(",") },
});
const saved = readdirSync(target).filter((f) => f.endsWith(".jpg")).map((f) => f.replace(/\.jpg$/, ""));
const missing = shots.filter((s) => !saved.includes(s));
console.log(`docs screenshots: ${saved.length} saved in docs/images/storefront/${missing.length ? `; missing: ${missing.join(", ")}` : ""}`);
process.exit(run.status || (missing.length ? 1 : 0));
