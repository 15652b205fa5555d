// Takes the dashboard screenshots shown in docs/operations.md from a running AppHost (see eng/dashboard-screenshots.sh):
// the Traces page after shopper load, the trace of one checkout, and the store's metrics.
// Usage: node eng/dashboard-screenshots.mjs <dashboard login URL> <output folder>
import { mkdirSync } from "node:fs";
import { chromium } from "../web/node_modules/playwright-core/index.mjs";

const [login, out = "docs/images"] = process.argv.slice(2);
const base = new URL(login).origin;
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-dev-shm-usage"],
});
const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
// Each row's name cell is titled "Name: …\nTrace Id: …".
const traceRows = "td[title*='Trace Id:']";

async function shoot(path, name, ready) {
  await page.goto(base + path);
  await ready();
  await page.waitForTimeout(1500); // charts and the span waterfall animate in
  await page.screenshot({ path: `${out}/${name}.png` });
  console.log(`${out}/${name}.png`);
}

await page.goto(login);
await page.waitForURL((url) => !url.pathname.startsWith("/login"));

// The Traces page: the shopper's requests, one trace each, with no background polling between them.
await shoot("/traces", "dashboard-traces", async () => {
  await page.waitForSelector(traceRows, { timeout: 60_000 });
  await page.waitForTimeout(5000); // the list fills in as the dashboard streams it
});

// One checkout: filter the list to checkout requests (POST /api/orders) and open one whose trace reaches Payments'
// PaymentSucceeded; its
// waterfall leads from the gateway's POST through Orders, the broker hops, Products' reservation and Payments' charge to
// Orders' Paid transition.
await page.goto(`${base}/traces`);
await page.waitForSelector(traceRows, { timeout: 60_000 });
await page.locator("fluent-text-input[name=traces-search] input").fill("POST /api/orders");
await page.waitForFunction(() => [...document.querySelectorAll("td[title*='Trace Id:']")].some((c) => /POST \/api\/orders\s/.test(c.title)), null, { timeout: 30_000 });
// The grid renders the rows in view (newest at the bottom, where the last requests were cut off by the end of the load):
// scroll up through it collecting checkout traces, then try the older ones first.
const candidates = [];
await page.mouse.move(800, 500);
for (let i = 0; i < 40; i++) {
  const titles = await page.locator(traceRows).evaluateAll((cells) => cells.map((c) => c.getAttribute("title")));
  for (const t of titles.filter((t) => /POST \/api\/orders\s/.test(t))) {
    const id = t.match(/Trace Id: (\w+)/)?.[1];
    if (id && !candidates.includes(id)) candidates.push(id);
  }
  await page.mouse.wheel(0, -700);
  await page.waitForTimeout(250);
}
candidates.reverse();
let checkout;
for (const id of candidates.slice(0, 15)) {
  await page.goto(`${base}/traces/detail/${id}`);
  const paid = page.getByText("PaymentSucceeded process").first();
  if (await paid.waitFor({ timeout: 8_000 }).then(() => true, () => false)) {
    checkout = id;
    break;
  }
}
if (!checkout) throw new Error(`None of ${candidates.length} checkout requests has a trace reaching PaymentSucceeded`);
await shoot(`/traces/detail/${checkout}`, "dashboard-checkout-trace", () => page.getByText("PaymentSucceeded process").first().waitFor());

// The store's metrics under load: order transitions (Paid per second) and payment outcomes.
const metric = (resource, meter, instrument) =>
  `/metrics/resource/${resource}?meter=${encodeURIComponent(meter)}&instrument=${encodeURIComponent(instrument)}&duration=5`;
await shoot(metric("orders", "ECommerce.Orders", "ecommerce.orders.transitions"), "dashboard-metric-order-transitions",
  () => page.waitForSelector("text=ecommerce.orders.transitions", { timeout: 30_000 }));
await shoot(metric("payments", "ECommerce.Payments", "ecommerce.payments.outcomes"), "dashboard-metric-payment-outcomes",
  () => page.waitForSelector("text=ecommerce.payments.outcomes", { timeout: 30_000 }));

await browser.close();
