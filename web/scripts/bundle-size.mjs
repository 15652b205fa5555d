#!/usr/bin/env node
// Prints the gzip size of what a shopper's first page downloads (index.html, the entry chunk, every chunk it imports
// statically, and their CSS) and exits non-zero over the budget. Lazy chunks (checkout, orders, account, admin) are
// listed but not counted. Reads Vite's build manifest, so run `npm run build` first.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const dist = new URL("../dist/", import.meta.url).pathname;
const budgetKb = Number(process.env.BUNDLE_BUDGET_KB ?? 150);
const manifest = JSON.parse(readFileSync(join(dist, ".vite", "manifest.json"), "utf8"));

const gz = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry);
if (!entryKey) throw new Error("no entry in the Vite manifest");

const firstPage = new Set(["index.html"]);
const visit = (key) => {
  const chunk = manifest[key];
  if (!chunk || firstPage.has(chunk.file)) return;
  firstPage.add(chunk.file);
  for (const css of chunk.css ?? []) firstPage.add(css);
  for (const imported of chunk.imports ?? []) visit(imported);
};
visit(entryKey);

let total = 0;
for (const file of firstPage) {
  const size = gz(file);
  total += size;
  console.log(`  ${(size / 1024).toFixed(1).padStart(7)} kB  ${file}`);
}
const lazy = Object.values(manifest).filter((c) => c.file.endsWith(".js") && !firstPage.has(c.file));
const lazyTotal = lazy.reduce((sum, c) => sum + gz(c.file), 0);
console.log(`  (${lazy.length} lazy chunks, ${(lazyTotal / 1024).toFixed(1)} kB gzip, loaded only on checkout/orders/account/admin)`);
console.log(`first-page gzip: ${(total / 1024).toFixed(1)} kB (budget ${budgetKb} kB)`);
if (total > budgetKb * 1024) {
  console.error(`over budget by ${((total - budgetKb * 1024) / 1024).toFixed(1)} kB`);
  process.exit(1);
}
