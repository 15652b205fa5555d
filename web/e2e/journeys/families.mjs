// The back office's families (issue #19): an administrator creates a family with Colour and Size, adds two variants
// from the grid of combinations, and a shopper's product page offers exactly those two with their own prices. On a
// desktop and on a phone (390x844), written against roles, labels and text so the same steps run against the fixture
// gateway (e2e/fixture/familyAdmin.mjs) and the whole system. Every shot is also checked by axe. Screenshots use 60-64.

import assert from "node:assert/strict";
import { signInAsAdmin } from "../scenarios.mjs";

const phone = { width: 390, height: 844 };

/** No sideways scrolling of the page itself. */
async function fitsTheWidth(page, what) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  if (overflow > 0) throw new Error(`${what} is ${overflow}px wider than the screen`);
}

async function familyJourney({ page, baseUrl, mode, shot }, prefix, viewport) {
  const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
  const name = `Journey Shirt ${run}`;
  const sku = (label) => `J-${run}-${label.replace(/\W+/g, "")}`.toUpperCase();
  await signInAsAdmin(page, mode);
  await page.goto("/admin/families");
  await page.getByRole("heading", { name: "Families and variants", level: 1 }).waitFor();
  await page.getByRole("button", { name: "New family" }).click();
  const form = page.getByRole("form", { name: "New family" });
  await form.getByLabel("Family name").fill(name);
  const category = form.getByLabel("Category");
  await category.locator("option").nth(1).waitFor({ state: "attached" });
  await category.selectOption({ index: 1 });
  await form.getByLabel("Brand").fill("Northwind");
  await form.getByLabel("Option 1 name").fill("Colour");

  // Refused by the service, not the browser: a value twice. The reason sits beside the field it names.
  await form.getByLabel("Option 1 values").fill("Blue, blue");
  await form.getByRole("button", { name: "Add an option" }).click();
  await form.getByLabel("Option 2 name").fill("Size");
  await form.getByLabel("Option 2 values").fill("S, M");
  await form.getByRole("button", { name: "Create family" }).click();
  const values = form.getByLabel("Option 1 values");
  await page.waitForFunction((el) => el?.getAttribute("aria-invalid") === "true", await values.elementHandle());
  await form.getByText("An option's values are distinct.").waitFor();
  if (!viewport) await shot(`${prefix.refused}`);

  await values.fill("Blue, Red");
  await form.getByRole("button", { name: "Create family" }).click();
  const panel = page.getByRole("region", { name });
  await panel.getByRole("heading", { name: "New variants" }).waitFor();
  const grid = panel.getByRole("form", { name: `New variants of ${name}` });
  for (const [label, price, stock] of [["Blue / S", "20", "5"], ["Red / M", "22.5", "3"]]) {
    await grid.getByLabel(`SKU for ${label}`).fill(sku(label));
    await grid.getByLabel(`Price for ${label}`).fill(price);
    await grid.getByLabel(`Initial stock for ${label}`).fill(stock);
  }
  await grid.getByRole("button", { name: "Add variants" }).click();
  await panel.getByRole("status").filter({ hasText: "2 variants added." }).waitFor();
  const variants = panel.getByRole("table", { name: `Variants of ${name}` });
  await variants.getByRole("rowheader", { name: "Blue / S" }).waitFor();
  await variants.getByRole("rowheader", { name: "Red / M" }).waitFor();
  // The grid now offers only the two combinations not made.
  assert.deepEqual((await grid.getByRole("rowheader").allTextContents()).sort(), ["Blue / M", "Red / S"]);
  if (viewport) await fitsTheWidth(page, "the family's page");
  await shot(prefix.admin);

  // The storefront: the product page offers the family's two variants, each at its own price.
  const { items } = await (await fetch(`${baseUrl}/api/products?q=${encodeURIComponent(run)}`)).json();
  assert.ok(items.length > 0, "the new family is listed in the catalog");
  await page.goto(`/products/${items[0].slug}`);
  await page.getByRole("heading", { name, level: 1 }).waitFor();
  const colour = page.getByRole("radiogroup", { name: "Colour" });
  const size = page.getByRole("radiogroup", { name: "Size" });
  await colour.getByRole("radio", { name: "Red" }).click();
  await size.getByRole("radio", { name: "M", exact: true }).waitFor();
  assert.equal(await size.getByRole("radio", { name: "M", exact: true }).getAttribute("aria-checked"), "true", "Red comes in M only");
  await page.getByText("£22.50").first().waitFor();
  await colour.getByRole("radio", { name: "Blue" }).click();
  await page.getByText("£20.00").first().waitFor();
  if (viewport) await fitsTheWidth(page, "the product page");
  await shot(prefix.product);
}

export const familyJourneys = [
  {
    name: "an admin creates a family with Colour and Size, adds two variants, and the product page offers them",
    run: (ctx) => familyJourney(ctx, { refused: "64-admin-family-refused", admin: "60-admin-family-variants", product: "61-family-product-page" }),
  },
  {
    name: "on a phone an admin creates a family with Colour and Size, adds two variants, and the product page offers them",
    fixtureOnly: true, // the desktop journey covers the services
    viewport: phone,
    run: (ctx) => familyJourney(ctx, { admin: "62-phone-admin-family-variants", product: "63-phone-family-product-page" }, phone),
  },
];
