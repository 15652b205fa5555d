// Variants (issue #19): a shopper finds a family through the colour facet, picks a colour and a size with the radio
// groups (the size by keyboard), sees that variant's own price, stock and SKU, buys it, and the order names it
// "(Red / XL)". The family, the variant to buy and the expected figures are read from the catalog's API first, so the
// steps hold for the fixture's "Linen apron", the retail dataset's families ("Heart Of Wicker": White; Small, Large)
// and the generated catalog's ("Tote Bag" in colours and sizes) alike.

import assert from "node:assert/strict";
import { checkOut, signUp, uniqueEmail } from "../scenarios.mjs";

const isColour = (name) => /^colou?r$/i.test(name);
const isSize = (name) => /^size$/i.test(name);
const money = (amount, currency) => new Intl.NumberFormat("en-GB", { style: "currency", currency }).format(amount);
/** As web/src/features/catalog/StockBadge.tsx words a count. */
const stockLabel = (available) => (available <= 0 ? "Out of stock" : available < 5 ? `Only ${available} left` : "In stock");
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** A value's radio: its name is the value, with " (unavailable)" when no variant has it with the other choices. */
const radio = (group, value) => group.getByRole("radio", { name: new RegExp(`^${escape(value)}( \\(unavailable\\))?$`) });

/**
 * A family from the list (one item per family, `variantCount` > 1), preferring one with both a colour and a size;
 * the variant to buy (in stock, the dearest, so the price visibly differs from the "from" price); and the colour to
 * filter by (another of the family's colours when it has one, so picking the colour on the page changes something).
 */
async function chooseFamily(baseUrl) {
  let fallback = null;
  let cursor = null;
  for (let pageNo = 0; pageNo < 10; pageNo++) {
    const listing = await (await fetch(`${baseUrl}/api/products?limit=100&sort=newest${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`)).json();
    for (const item of listing.items.filter((i) => i.variantCount > 1 && i.swatches.length > 0)) {
      const detail = await (await fetch(`${baseUrl}/api/products/${item.id}`)).json();
      const family = detail.family;
      const inStock = family?.variants.filter((v) => v.available > 0) ?? [];
      if (!family || inStock.length === 0) continue;
      const colour = family.options.find((o) => isColour(o.name));
      const size = family.options.find((o) => isSize(o.name));
      if (!colour) continue;
      const target = [...inStock].sort((a, b) => b.price - a.price)[0];
      const filterColour = family.variants.map((v) => v.options[colour.name]).find((c) => c !== target.options[colour.name]) ?? target.options[colour.name];
      const choice = { family, colour, size, target, filterColour };
      if (size) return choice;
      fallback ??= choice;
    }
    cursor = listing.next;
    if (!cursor) break;
  }
  if (!fallback) throw new Error("the catalog lists no variant family with a colour option in stock");
  return fallback;
}

/** The family's card in the results: the card linking to one of its variants. */
const familyCard = (page, family) =>
  page.getByRole("list", { name: "Search results" }).getByRole("listitem")
    .filter({ has: page.locator(family.variants.map((v) => `a[href="/products/${v.slug}"]`).join(", ")) }).first();

/** Picks the target by its colour (a click) and its size (arrow keys from the checked size, as a radio group is used). */
async function pickVariant(page, { family, colour, size, target }, keyboard) {
  const colours = page.getByRole("radiogroup", { name: colour.name });
  await radio(colours, target.options[colour.name]).click();
  if (size) {
    const sizes = page.getByRole("radiogroup", { name: size.name });
    const wanted = radio(sizes, target.options[size.name]);
    if (keyboard) {
      await sizes.locator('[role="radio"][aria-checked="true"]').focus();
      for (let step = 0; step < size.values.length && (await wanted.getAttribute("aria-checked")) !== "true"; step++) {
        await page.keyboard.press("ArrowRight");
        // Focus moves with the choice, as in any radio group: the next arrow goes on from the value just chosen.
        await page.waitForFunction(() => document.activeElement?.getAttribute("aria-checked") === "true");
      }
    } else {
      await wanted.click();
    }
    // A size no variant has in the current colour picks its nearest variant; the colour then comes back with a click.
    if ((await radio(colours, target.options[colour.name]).getAttribute("aria-checked")) !== "true") await radio(colours, target.options[colour.name]).click();
    await wanted.and(page.locator('[aria-checked="true"]')).waitFor();
  }
  await page.waitForURL((url) => url.searchParams.get("variant") === target.id);
  for (const option of family.options) {
    const checked = page.getByRole("radiogroup", { name: option.name }).locator('[role="radio"][aria-checked="true"]');
    assert.match((await checked.getAttribute("aria-label")) ?? "", new RegExp(`^${escape(target.options[option.name])}`), `${option.name} is not the target's`);
  }
}

/** The page shows the variant's own price, stock and SKU, as the API answers for that variant now. */
async function assertShowsVariant(page, baseUrl, target) {
  const own = await (await fetch(`${baseUrl}/api/products/${target.id}`)).json();
  const info = page.locator(".product-info");
  await info.locator(".price").filter({ hasText: money(own.price, own.currency) }).waitFor();
  assert.equal((await info.locator(".stock").textContent())?.trim(), stockLabel(own.available), "the stock shown is not the variant's");
  assert.match((await info.locator(".sku").textContent()) ?? "", new RegExp(`SKU ${escape(own.sku)}$`), "the SKU shown is not the variant's");
  return own;
}

const label = ({ family, target }) => family.options.map((o) => target.options[o.name]).join(" / ");

/** Catalog search for the family's name, narrowed by the colour facet's checkbox; opens the family's card. */
async function findByColourFacet(page, choice, openFilters) {
  await page.goto(`/catalog?q=${encodeURIComponent(choice.family.name)}`);
  await page.getByRole("list", { name: "Search results" }).waitFor();
  if (openFilters) await page.getByRole("button", { name: /^Filters/ }).click();
  const facet = page.getByRole("group", { name: "Colour" });
  const box = (checked) => facet.getByRole("checkbox", { name: new RegExp(`^${escape(choice.filterColour)} \\(\\d+\\)$`, "i"), checked });
  // click, not check(): the box follows the URL, so it is checked once the filtered page has answered (against the
  // whole system that can be after Playwright's own re-read of the state), as in the other facet journeys.
  await box(false).click();
  await page.waitForURL((url) => url.searchParams.getAll("colour").includes(choice.filterColour.toLowerCase()));
  await box(true).waitFor();
  if (openFilters) await page.getByRole("button", { name: /^Show \d+ product/ }).click();
  const card = familyCard(page, choice.family);
  await card.getByRole("list", { name: /^Colours: / }).waitFor();
  return card;
}

export const variantJourneys = [
  {
    name: "a shopper finds a variant family by colour, picks a colour and a size (keyboard too), sees its own price and stock, and buys it",
    async run({ page, shot, baseUrl, log }) {
      const choice = await chooseFamily(baseUrl);
      log(`family "${choice.family.name}" (${choice.family.options.map((o) => `${o.name}: ${o.values.join(", ")}`).join("; ")}); buying ${label(choice)}`);
      await signUp(page, uniqueEmail("variant"));

      const card = await findByColourFacet(page, choice, false);
      await shot("50-variant-colour-facet");
      await card.getByRole("link").first().click();
      await page.getByRole("radiogroup", { name: choice.colour.name }).waitFor();
      await page.getByRole("heading", { level: 1, name: choice.family.name }).waitFor();

      await pickVariant(page, choice, true);
      const own = await assertShowsVariant(page, baseUrl, choice.target);
      await shot("51-variant-picked");

      await page.getByRole("button", { name: "Add to cart" }).click();
      // The drawer's line names the variant ("Red / XL"), from the cart Orders priced through the live lookup.
      const drawer = page.getByRole("dialog", { name: "Your cart" });
      await drawer.getByRole("list", { name: "Items in your cart" }).locator(".variant-label").filter({ hasText: new RegExp(`^${escape(label(choice))}$`) }).waitFor();
      await shot("52-variant-in-cart");

      await checkOut(page, /Test card: Visa/);
      await page.getByTestId("order-status").filter({ hasText: "Status: Payment received" }).waitFor({ timeout: 30_000 });
      await page.getByText(`(${label(choice)})`).first().waitFor();
      await page.getByText(money(own.price, own.currency)).first().waitFor();
      await shot("53-variant-order");
    },
  },
  {
    name: "on a phone a shopper filters by colour in the drawer, taps a colour and a size and sees that variant's price and stock",
    viewport: { width: 390, height: 844 },
    async run({ page, shot, baseUrl }) {
      const choice = await chooseFamily(baseUrl);
      const card = await findByColourFacet(page, choice, true);
      await card.getByRole("link").first().click();
      await page.getByRole("radiogroup", { name: choice.colour.name }).waitFor();
      await pickVariant(page, choice, false);
      await assertShowsVariant(page, baseUrl, choice.target);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `the product page is ${overflow}px wider than the phone`);
      await shot("54-variant-phone");
    },
  },
];
