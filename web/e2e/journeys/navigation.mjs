// Navigation, collections and reviews (issue #19): the category menu and breadcrumbs, a collection an admin creates
// appearing on the home page, a verified buyer's review through moderation, and the "4★ & up" filter. Written against
// roles and labels and reading names from the page, so they hold for the fixture and for the seeded store alike.

import { checkOut, inStockProducts, signInAsAdmin, signUp, uniqueEmail } from "../scenarios.mjs";

const crumbs = (page) => page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("listitem");

/** The breadcrumb's current page (the last item, aria-current="page"). */
async function currentCrumb(page) {
  const current = page.getByRole("navigation", { name: "Breadcrumb" }).locator('[aria-current="page"]');
  await current.waitFor();
  return (await current.textContent())?.trim();
}

export const navigationJourneys = [
  {
    name: "a shopper opens the category menu, goes to a sub-category, sees the breadcrumb and follows it up",
    async run({ page, shot }) {
      await page.goto("/");
      await page.getByRole("heading", { level: 1 }).waitFor();
      const menu = page.getByRole("button", { name: "Categories" });
      // Keyboard first: Arrow Down opens the panel on its first link, Escape closes it and gives focus back.
      await menu.focus();
      await page.keyboard.press("ArrowDown");
      await page.getByRole("link", { name: "All products" }).waitFor();
      await page.waitForFunction(() => document.activeElement?.textContent === "All products");
      await page.keyboard.press("Escape");
      if ((await menu.getAttribute("aria-expanded")) !== "false") throw new Error("Escape left the category menu open");
      if (!(await menu.evaluate((el) => el === document.activeElement))) throw new Error("Escape did not return focus to the menu button");

      await menu.click();
      // A sub-category: a link inside a parent's nested list.
      const child = page.locator(".category-panel ul ul a").first();
      await child.waitFor();
      await shot("40-category-menu");
      const childName = (await child.textContent())?.trim();
      await child.click();
      await page.waitForURL(/\/catalog\?category=/);
      await page.getByRole("list", { name: "Search results" }).waitFor();
      if ((await currentCrumb(page)) !== childName) throw new Error(`the breadcrumb ends "${await currentCrumb(page)}", not "${childName}"`);
      const trail = await crumbs(page).allTextContents();
      if (trail.length < 3 || trail[0] !== "Home") throw new Error(`breadcrumb was ${JSON.stringify(trail)}`);
      await shot("41-catalog-breadcrumb");

      // Up one level: the parent's own catalog, where the trail ends at the parent.
      const parentName = trail.at(-2);
      await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: parentName, exact: true }).click();
      await page.waitForFunction((name) => document.querySelector('nav[aria-label="Breadcrumb"] [aria-current="page"]')?.textContent?.trim() === name, parentName);
      await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "Home", exact: true }).click();
      await page.waitForURL((url) => url.pathname === "/");
    },
  },
  {
    name: "an admin creates a collection in the back office and it appears on the home page",
    async run({ page, shot, mode }) {
      const title = `Picked for you ${Math.floor(Math.random() * 1e6)}`;
      await signInAsAdmin(page, mode);
      await page.getByRole("link", { name: "Admin" }).click();
      await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Collections" }).click();
      await page.getByRole("heading", { name: "Collections", level: 1 }).waitFor();
      await page.getByRole("table").getByRole("row").nth(1).waitFor();
      await page.getByRole("button", { name: "New collection" }).click();
      await page.getByLabel("Title").fill(title);
      await page.getByLabel("Order").selectOption("best_selling");
      await shot("42-admin-collection-editor");
      await page.getByRole("button", { name: "Save collection" }).click();
      await page.getByRole("rowheader", { name: title }).waitFor();

      await page.goto("/");
      await page.getByRole("heading", { name: title, level: 2 }).waitFor();
      await page.getByRole("list", { name: title }).getByRole("listitem").first().waitFor();
      await page.getByRole("link", { name: `See all ${title}` }).click();
      await page.getByRole("heading", { name: title, level: 1 }).waitFor();
      await page.getByRole("list", { name: title }).getByRole("listitem").first().waitFor();

      // Tidy up, so runs against a long-lived store do not pile up home rows.
      await page.goto("/admin/collections");
      await page.getByRole("button", { name: `Delete ${title}` }).click();
      await page.getByRole("alertdialog").getByRole("button", { name: "Delete collection" }).click();
      await page.getByRole("rowheader", { name: title }).waitFor({ state: "detached" });
    },
  },
  {
    name: "a customer who paid for a product reviews it; an admin approves it; the product page shows it and the rating",
    async run({ page, browser, shot, baseUrl, mode }) {
      const [product] = await inStockProducts(baseUrl);
      await signUp(page, uniqueEmail("reviewer"));
      await page.goto(`/products/${product.slug}`);
      await page.getByRole("button", { name: "Add to cart" }).click();
      await page.getByText("Added to your cart.").waitFor();
      await checkOut(page, /Test card: Visa/);
      await page.getByRole("heading", { name: "Thank you for your order" }).waitFor();
      await page.getByTestId("order-status").filter({ hasText: "Status: Payment received" }).waitFor({ timeout: 30_000 });

      // Products learns of the purchase from the OrderPaid event: the form appears once it has (at once in the fixture).
      const form = page.getByRole("form", { name: "Write a review" });
      for (let attempt = 0; ; attempt++) {
        await page.goto(`/products/${product.slug}`);
        await page.getByRole("heading", { name: "Reviews" }).waitFor();
        if (await form.waitFor({ timeout: 3_000 }).then(() => true, () => false)) break;
        if (attempt >= 10) throw new Error("the review form never appeared after a paid order");
      }
      const title = `Does the job ${Math.floor(Math.random() * 1e6)}`;
      await form.getByRole("radio", { name: "5 stars" }).check();
      await form.getByLabel("Title").fill(title);
      await form.getByLabel("Review").fill("Arrived quickly and looks just as pictured.");
      await form.getByRole("button", { name: "Submit review" }).click();
      await page.getByText("Waiting for moderation").waitFor();

      const adminContext = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1280, height: 900 } });
      const admin = await adminContext.newPage();
      await signInAsAdmin(admin, mode);
      await admin.goto("/admin/reviews");
      await admin.getByRole("heading", { name: "Reviews", level: 1 }).waitFor();
      await admin.getByRole("button", { name: new RegExp(`^Approve “${title}”`) }).click();
      await admin.getByRole("alertdialog").getByRole("button", { name: "Yes, publish" }).click();
      await admin.getByRole("button", { name: new RegExp(`^Approve “${title}”`) }).waitFor({ state: "detached" });
      await adminContext.close();

      await page.goto(`/products/${product.slug}`);
      const reviews = page.getByRole("region", { name: "Reviews" });
      await reviews.getByRole("article", { name: new RegExp(`^${title} by `) }).waitFor();
      await page.getByText("Published.").waitFor();
      await page.getByRole("img", { name: /^Rated \d(\.\d)? out of 5 from \d+ reviews?$/ }).first().waitFor();
      await shot("43-product-review-published");
    },
  },
  {
    name: "a shopper filters the catalog by 4★ & up and sees only products rated that high",
    async run({ page, shot }) {
      await page.goto("/catalog");
      const group = page.getByRole("group", { name: "Customer rating" });
      const option = group.getByRole("button", { name: /^4★ & up \(\d+\)$/ });
      await option.waitFor();
      const expected = Number((await option.textContent())?.match(/\((\d+)\)/)?.[1]);
      await option.click();
      await page.getByRole("button", { name: "Remove filter: 4★ & up" }).waitFor();
      await group.getByRole("button", { name: /^4★ & up/, pressed: true }).waitFor();
      await page.getByRole("status").filter({ hasText: `${expected} ${expected === 1 ? "product" : "products"}` }).waitFor();
      if (expected > 0) {
        const labels = await page.getByRole("list", { name: "Search results" }).getByRole("img", { name: /^Rated / }).evaluateAll((els) => els.map((e) => e.getAttribute("aria-label")));
        const low = labels.filter((l) => Number(l?.match(/Rated ([\d.]+)/)?.[1]) < 4);
        if (labels.length === 0 || low.length > 0) throw new Error(`4★ & up showed ${JSON.stringify(low.length ? low : labels)}`);
      } else await page.getByText("No products match.").waitFor();
      await shot("44-catalog-four-stars");
    },
  },
];
