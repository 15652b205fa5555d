#!/usr/bin/env node
// End-to-end tests in Debian's Chromium. Where the storefront runs:
//   npm run e2e                          built storefront (npm run build) in vite preview + in-memory fixture gateway
//   E2E_BASE_URL=http://... npm run e2e  an already running system (the AppHost's web endpoint, a deployment)
//   npm run e2e -- --apphost             starts the whole system with the AppHost (fresh data, an admin password it chooses)
// Screenshots go to e2e/artifacts/<mode>/ (git-ignored; fixture, external or apphost), so the fixture run of
// tests/ECommerce.Web.Tests and the whole-system run of tests/ECommerce.AppHost.Tests, which dotnet test runs at the
// same time, never clear each other's folder. CI keeps e2e/artifacts as the run's artefacts.
import { mkdirSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { accessibilityAudit } from "./axe.mjs";
import { launchBrowser } from "./browser.mjs";
import { scenarios } from "./scenarios.mjs";
import { startAppHost, startPreviewWithFixture } from "./servers.mjs";

const only = process.argv.find((a) => a.startsWith("--grep="))?.slice(7);
// scripts/docs-screenshots.mjs names a folder and the states docs/storefront.md shows: those are also saved as what a
// shopper sees on the screen (the viewport, JPEG), small enough to commit.
const docs = process.env.E2E_DOCS_DIR ? { dir: process.env.E2E_DOCS_DIR, names: new Set((process.env.E2E_DOCS_SHOTS ?? "").split(",")) } : null;
const system = process.env.E2E_BASE_URL
  ? { baseUrl: process.env.E2E_BASE_URL.replace(/\/$/, ""), mode: "external", stop: async () => {} }
  : process.argv.includes("--apphost")
    ? await startAppHost()
    : await startPreviewWithFixture();
console.log(`e2e against ${system.baseUrl} (${system.mode})`);
const artifacts = fileURLToPath(new URL(`./artifacts/${system.mode}/`, import.meta.url));
rmSync(artifacts, { recursive: true, force: true });
mkdirSync(artifacts, { recursive: true });
// A system this runner started seeded its admin with a password it chose; a running one names it in E2E_ADMIN_PASSWORD.
if (system.adminPassword) process.env.E2E_ADMIN_PASSWORD = system.adminPassword;

const browser = await launchBrowser();
const audit = accessibilityAudit();
let passed = 0;
let failed = 0;
try {
  // Against a whole system (external, apphost) the journeys whose subject is the storefront alone (layout at phone
  // width, rendering budgets, focus handling; marked fixtureOnly) are left to the fixture run, which already proves
  // them; E2E_ALL=1 runs every journey anyway.
  const wholeSystem = system.mode !== "fixture" && !process.env.E2E_ALL;
  const chosen = scenarios.filter((s) => (!only || s.name.includes(only)) && !(wholeSystem && s.fixtureOnly));
  if (chosen.length < scenarios.length && !only) console.log(`  ${scenarios.length - chosen.length} storefront-only journeys left to the fixture run (E2E_ALL=1 runs them too)`);
  for (const scenario of chosen) {
    const started = Date.now();
    const context = await browser.newContext({ baseURL: system.baseUrl, viewport: scenario.viewport ?? { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    const screenshot = (name, target = page) => target.screenshot({ path: `${artifacts}${name}.png`, fullPage: true });
    // Every state a journey screenshots is also checked by axe.
    const shot = async (name, target = page) => {
      await screenshot(name, target);
      if (docs?.names.has(name)) await target.screenshot({ path: `${docs.dir}/${name}.jpg`, type: "jpeg", quality: 80 });
      await audit.check(name, target);
    };
    try {
      const notes = [];
      await scenario.run({ page, context, browser, shot, baseUrl: system.baseUrl, mode: system.mode, log: (n) => notes.push(n) });
      if (errors.length) throw new Error(`uncaught errors in the page: ${errors.join("; ")}`);
      passed++;
      console.log(`  ✓ ${scenario.name} (${Date.now() - started} ms)`);
      for (const note of notes) console.log(`      ${note}`);
    } catch (error) {
      failed++;
      console.log(`  ✗ ${scenario.name}\n    ${String(error?.message ?? error).split("\n").join("\n    ")}`);
      // Every page still open (a second shopper, the back office), so the failure can be read off the screenshots.
      const open = browser.contexts().flatMap((c) => c.pages());
      for (const [i, p] of open.entries()) await screenshot(`FAILED-${scenario.name.replace(/\W+/g, "-")}${i ? `-${i + 1}` : ""}`, p).catch(() => {});
    } finally {
      for (const c of browser.contexts()) await c.close();
    }
  }
} finally {
  await browser.close();
  await system.stop();
}
audit.write(artifacts);
const violations = audit.describe();
if (violations.length) console.log(`  ✗ accessibility: ${violations.length} serious or critical axe violations\n    ${violations.join("\n    ")}`);
console.log(`e2e: ${passed} passed, ${failed} failed; screenshots in ${artifacts}`);
console.log(`accessibility: ${audit.pagesChecked} pages checked by axe, ${violations.length} serious or critical violations`);
process.exit(failed || violations.length ? 1 : 0);
