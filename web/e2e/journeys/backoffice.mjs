// The back office's stock, order and refund pages, as an administrator uses them, on a desktop and on a phone
// (issue #21). Written against roles, labels and text like the other journeys, so the same steps run against the
// fixture gateway (e2e/fixture/catalog.mjs, payments.mjs) and the whole system. Every shot is also checked by axe.
// Screenshot names use 90-99 so they never clash with the other journeys' numbers.

import assert from "node:assert/strict";
import { addToCart, checkOut, inStockProducts, signInAsAdmin, signUp, uniqueEmail } from "../scenarios.mjs";

const phone = { width: 390, height: 844 };

/** What the stock panel says is available: the server's figure, never the form's. */
async function available(panel) {
  const line = panel.getByText(/^Available \d+ · reserved/);
  await line.waitFor();
  return Number((await line.textContent()).match(/^Available (\d+)/)[1]);
}

/** Opens one product's stock panel from the back office's products page. */
async function openStock(admin, product) {
  await admin.goto("/admin");
  await admin.getByRole("heading", { name: "Products", level: 1 }).waitFor();
  await admin.getByRole("searchbox", { name: "Find" }).fill(product.name);
  await admin.getByRole("button", { name: `Stock of ${product.name}`, exact: true }).first().click();
  return admin.getByRole("region", { name: `Stock: ${product.name}` });
}

/** No sideways scrolling: neither the page nor (when given) a table inside it is wider than the screen. */
async function fitsTheWidth(page, what, table) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  if (overflow > 0) {
    // Names the outermost elements that reach past the screen's edge, so the failure says what to fix.
    const culprits = await page.evaluate(() =>
      [...document.querySelectorAll("body *")]
        .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1 && !(e.parentElement?.getBoundingClientRect().right > window.innerWidth + 1))
        .slice(0, 3)
        .map((e) => `<${e.tagName.toLowerCase()} class="${e.className}"> ${Math.round(e.getBoundingClientRect().right)}px`),
    );
    throw new Error(`${what} is ${overflow}px wider than the screen: ${culprits.join(", ")}`);
  }
  if (table) {
    const sideways = await table.evaluate((t) => t.scrollWidth - t.clientWidth);
    if (sideways > 0) throw new Error(`${what}: the table scrolls ${sideways}px sideways`);
  }
}

/**
 * An admin adds stock and sees the server's new level, the status and the adjustment in the history; a change that
 * would take the level below zero is refused, says why, and the level shown stays the one before it.
 */
async function stockJourney({ page, baseUrl, mode, shot }, name, viewport) {
  const products = await inStockProducts(baseUrl);
  const product = products.at(-1);
  await signInAsAdmin(page, mode);
  const panel = await openStock(page, product);
  const before = await available(panel);

  await panel.getByLabel("Change (+ or −)").fill("3");
  await panel.getByLabel("Reason").selectOption("Received");
  await panel.getByRole("button", { name: "Adjust stock" }).click();
  await panel.getByRole("status").filter({ hasText: `Stock changed by +3: ${before + 3} available.` }).waitFor();
  await panel.getByText(`Available ${before + 3} · reserved`).waitFor();
  const latest = panel.getByRole("table", { name: "Recent adjustments" }).getByRole("row").nth(1);
  await latest.getByRole("cell", { name: "+3", exact: true }).waitFor();
  await latest.getByRole("cell", { name: "Received", exact: true }).waitFor();
  if (viewport) await fitsTheWidth(page, "the stock page");
  await shot(`${name}-stock-added`);

  // Refused by the service (not by the browser): more than there is, taken away.
  const tooMany = before + 3 + 1000;
  await panel.getByLabel("Change (+ or −)").fill(`-${tooMany}`);
  await panel.getByLabel("Reason").selectOption("Damaged");
  // The panel reads the level again after a refusal (someone else may have moved it): wait for that reading.
  const reread = page.waitForResponse((r) => r.url().endsWith(`/api/products/${product.id}/stock`) && r.request().method() === "GET");
  await panel.getByRole("button", { name: "Adjust stock" }).click();
  await panel.getByRole("alert").filter({ hasText: "Stock not changed: The change would take available stock below zero." }).waitFor();
  assert.equal(await panel.getByLabel("Change (+ or −)").getAttribute("aria-invalid"), "true", "the refused change is marked on its field");
  if (await panel.getByRole("status").filter({ hasText: "Stock changed" }).isVisible()) throw new Error("a refused change is shown as applied");
  await reread;
  assert.equal(await available(panel), before + 3, "the level shown after a refused change is the one before it");
  await panel.getByRole("table", { name: "Recent adjustments" }).getByRole("cell", { name: `-${tooMany}`, exact: true }).waitFor({ state: "detached" });
  const stock = await (await page.request.get(`/api/products/${product.id}/stock`, { headers: await bearer(page) })).json();
  assert.equal(stock.available, before + 3, "the service holds the level the page shows");
  await shot(`${name}-stock-refused`);
}

/** The access token the storefront holds (oidc-client-ts keeps the user in session storage), for a direct check. */
async function bearer(page) {
  const token = await page.evaluate(() => {
    for (let i = 0; i < sessionStorage.length; i++) {
      const key = sessionStorage.key(i);
      if (key?.startsWith("oidc.user:")) return JSON.parse(sessionStorage.getItem(key) ?? "{}").access_token;
    }
    return null;
  });
  if (!token) throw new Error("no access token in the page's session");
  return { authorization: `Bearer ${token}` };
}

/**
 * A shopper's paid order; the admin finds it by the number the shopper reads out, opens it, and refunds part of it:
 * an amount above what is refundable is refused in the form and nothing moves; a good one asks first, then shows
 * on the ledger (the payment's timeline) and in the totals; the order's status timeline stays. The shopper sees it.
 */
async function refundJourney({ page, browser, baseUrl, mode, shot }, name, viewport) {
  const [, product] = await inStockProducts(baseUrl);
  await signUp(page, uniqueEmail("bo-refund"));
  await addToCart(page, product.slug);
  await checkOut(page, /Test card: Visa/);
  await page.getByTestId("order-status").filter({ hasText: "Status: Payment received" }).waitFor({ timeout: 30_000 });
  const orderId = new URL(page.url()).pathname.split("/").pop();
  const number = (await page.getByTestId("order-number").textContent()).trim();

  const office = await browser.newContext({ baseURL: baseUrl, ...(viewport ? { viewport } : {}) });
  const admin = await office.newPage();
  admin.setDefaultTimeout(15_000);
  await signInAsAdmin(admin, mode);
  await admin.goto("/admin/orders");
  await admin.getByRole("heading", { name: "Orders", level: 1 }).waitFor();
  // Read out without the spaces this time: the search finds it all the same.
  await admin.getByRole("searchbox", { name: "Order number" }).fill(number.replace(/\s/g, ""));
  const table = admin.getByRole("table", { name: "Orders" });
  await table.getByRole("row").filter({ hasText: number }).getByRole("button", { name: number }).click();
  await admin.getByRole("list", { name: "Order status" }).waitFor();
  const payment = admin.getByRole("region", { name: `Payment for order ${number}` });
  const ledger = payment.getByRole("table", { name: "Ledger" });
  await ledger.getByRole("cell", { name: "Captured", exact: true }).waitFor();
  const refunded = payment.getByText("Refunded", { exact: true }).locator("xpath=following-sibling::dd[1]");
  const refundedBefore = (await refunded.textContent()).trim();
  if (viewport) await fitsTheWidth(admin, "the orders page", table);

  // More than was captured: refused before anything is sent, and nothing is shown as refunded.
  await payment.getByLabel("Refund amount").fill("100000");
  await payment.getByLabel("Reason for the refund").fill("Goodwill");
  await payment.getByRole("button", { name: "Refund", exact: true }).click();
  assert.equal(await payment.getByLabel("Refund amount").getAttribute("aria-invalid"), "true", "the refused amount is marked on its field");
  if (await payment.getByRole("alertdialog").isVisible()) throw new Error("a refund above what is refundable was offered for confirmation");
  assert.equal((await refunded.textContent()).trim(), refundedBefore, "a refused refund changes nothing");

  await payment.getByLabel("Refund amount").fill("1.50");
  await payment.getByLabel("Reason for the refund").fill("Late delivery");
  await payment.getByRole("button", { name: "Refund", exact: true }).click();
  await payment.getByRole("alertdialog").getByRole("button", { name: "Yes, refund £1.50" }).click();
  await payment.getByRole("status").filter({ hasText: "Refunded £1.50." }).waitFor();
  const row = ledger.getByRole("row").filter({ has: admin.getByRole("cell", { name: "Late delivery", exact: true }) });
  await row.getByRole("cell", { name: "Refunded", exact: true }).waitFor();
  await row.getByRole("cell", { name: "£1.50", exact: true }).waitFor();
  await refunded.filter({ hasText: "£1.50" }).waitFor();
  if (viewport) await fitsTheWidth(admin, "the order's payment", table);
  await shot(`${name}-refund-on-ledger`, admin);
  await office.close();

  await page.goto(`/orders/${orderId}`);
  await page.getByTestId("order-refund").filter({ hasText: "Refunded: £1.50" }).waitFor({ timeout: 30_000 });
  await page.getByTestId("order-status").filter({ hasText: "Payment received" }).waitFor();
}

export const backofficeJourneys = [
  {
    name: "an admin adds stock and sees it; a change below zero is refused and not shown as applied",
    run: (ctx) => stockJourney(ctx, "90-admin"),
  },
  {
    name: "on a phone an admin adds stock and sees it; a change below zero is refused and not shown as applied",
    fixtureOnly: true, // the desktop journey covers the services
    viewport: phone,
    run: (ctx) => stockJourney(ctx, "91-phone-admin", phone),
  },
  {
    name: "an admin finds an order by its number, a refund above what was paid is refused, a part refund shows on the ledger",
    run: (ctx) => refundJourney(ctx, "92-admin"),
  },
  {
    name: "on a phone an admin finds an order by its number and refunds part of it; the orders table does not scroll sideways",
    fixtureOnly: true, // the desktop journey covers the services
    viewport: phone,
    run: (ctx) => refundJourney(ctx, "93-phone-admin", phone),
  },
];
