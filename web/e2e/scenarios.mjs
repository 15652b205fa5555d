// The journeys the storefront must support, written against what a shopper sees (roles, labels, text), so the same
// steps run against the fixture gateway and against the whole system started by the AppHost.

const password = "Test-password-1!";
const uniqueEmail = (prefix) => `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;

/** The Auth service's sign-in/registration pages: labelled Email and Password fields and one submit button. */
async function fillCredentials(page, email, confirm = false) {
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  if (confirm && (await page.getByLabel(/confirm/i).count())) await page.getByLabel(/confirm/i).fill(password);
  await page.getByRole("button", { name: /sign in|log in|create|register/i }).click();
}

async function signIn(page, email) {
  await page.goto("/");
  await page.getByRole("button", { name: "Sign in" }).click();
  await fillCredentials(page, email);
  await page.getByRole("button", { name: "Sign out" }).waitFor();
}

async function addToCart(page, slug) {
  await page.goto(`/products/${slug}`);
  await page.getByRole("button", { name: "Add to cart" }).click();
  await page.getByText("Added to your cart.").waitFor();
}

async function checkOut(page, paymentLabel) {
  await page.goto("/checkout");
  await page.getByRole("radio", { name: paymentLabel }).waitFor();
  await page.getByText("Loading your addresses…").waitFor({ state: "detached" });
  const recipient = page.getByLabel("Full name");
  if (await recipient.isVisible().catch(() => false)) {
    await recipient.fill("Ada Lovelace");
    await page.getByLabel("Address line 1").fill("1 High Street");
    await page.getByLabel("Town or city").fill("Leeds");
    await page.getByLabel("Postcode").fill("LS1 1AA");
  }
  await page.getByRole("radio", { name: paymentLabel }).check();
  await page.getByRole("button", { name: "Place order" }).click();
}

export const scenarios = [
  {
    name: "a shopper browses, searches, adds to cart, signs up, checks out and sees the order Paid",
    async run({ page, shot }) {
      await page.goto("/");
      await page.getByRole("heading", { name: "Featured" }).waitFor();
      await page.getByRole("list", { name: "Featured products" }).getByRole("listitem").first().waitFor();
      await shot("01-home");

      await page.getByRole("link", { name: "Browse the catalog" }).click();
      await page.getByRole("heading", { name: "Catalog" }).waitFor();
      await page.getByRole("list", { name: "Search results" }).waitFor();
      await shot("02-catalog");

      const search = page.getByRole("combobox", { name: "Search products" });
      await search.fill("lant");
      await page.getByRole("option").first().waitFor();
      await search.press("ArrowDown");
      await search.press("Enter");
      await page.getByRole("button", { name: "Add to cart" }).waitFor();
      const productName = await page.getByRole("heading", { level: 1 }).textContent();
      await shot("03-product");
      await page.getByRole("button", { name: "Add to cart" }).click();
      await page.getByText("Added to your cart.").waitFor();

      await page.getByRole("link", { name: /^Cart, 1 item/ }).click();
      await page.getByRole("rowheader", { name: new RegExp(productName ?? "") }).waitFor();
      await shot("04-cart");
      await page.getByRole("button", { name: "Check out" }).click();

      await page.getByRole("button", { name: "Create an account" }).click();
      await fillCredentials(page, uniqueEmail("shopper"), true);
      await page.getByRole("heading", { name: "Checkout" }).waitFor();
      await page.getByRole("button", { name: "Sign out" }).waitFor();

      await page.getByLabel("Full name").fill("Ada Lovelace");
      await page.getByLabel("Address line 1").fill("1 High Street");
      await page.getByLabel("Town or city").fill("Leeds");
      await page.getByLabel("Postcode").fill("LS1 1AA");
      await page.getByRole("radio", { name: /4242|visa/i }).check();
      if (!(await page.getByText("simulated", { exact: true }).first().isVisible())) throw new Error("payment methods are not labelled simulated");
      await shot("05-checkout");
      await page.getByRole("button", { name: "Place order" }).click();

      await page.getByRole("heading", { name: "Thank you for your order" }).waitFor();
      await page.getByTestId("order-status").filter({ hasText: "Status: Paid" }).waitFor({ timeout: 30_000 });
      await shot("06-order-paid");
      await page.getByRole("link", { name: "Orders" }).click();
      await page.getByText("Paid").first().waitFor();
    },
  },
  {
    name: "a declined payment shows a clear message",
    async run({ page, shot }) {
      await signIn(page, uniqueEmail("declined"));
      await addToCart(page, "enamel-mug");
      await checkOut(page, /0002|declin/i);
      await page.getByRole("alert").filter({ hasText: "Your payment was declined" }).waitFor({ timeout: 30_000 });
      await shot("07-payment-declined");
    },
  },
  {
    name: "an admin changes a price and the shopper sees it",
    async run({ page, browser, baseUrl, shot }) {
      await signIn(page, uniqueEmail("admin"));
      await page.getByRole("link", { name: "Admin" }).click();
      await page.getByRole("heading", { name: "Products" }).waitFor();
      await page.getByRole("searchbox", { name: "Find" }).fill("Tea towel");
      await page.getByRole("button", { name: "Edit Tea towel", exact: true }).click();
      const newPrice = (10 + Math.floor(Math.random() * 80) + 0.99).toFixed(2);
      await page.getByLabel("Price").fill(newPrice);
      await shot("08-admin-edit-product");
      await page.getByRole("button", { name: "Save product" }).click();
      await page.getByRole("row", { name: /Tea towel/ }).first().filter({ hasText: newPrice }).waitFor();

      const shopper = await browser.newContext({ baseURL: baseUrl });
      const shopperPage = await shopper.newPage();
      await shopperPage.goto("/products/tea-towel");
      await shopperPage.getByText(`£${newPrice}`).first().waitFor();
      await shopper.close();
    },
  },
  {
    name: "at phone width the home and catalog pages fit without sideways scrolling",
    viewport: { width: 375, height: 740 },
    async run({ page, shot }) {
      for (const [path, name] of [["/", "09-phone-home"], ["/catalog", "10-phone-catalog"]]) {
        await page.goto(path);
        await page.locator(".card:not(.skeleton)").first().waitFor();
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        if (overflow > 0) throw new Error(`${path} is ${overflow}px wider than the phone`);
        await shot(name);
      }
    },
  },
  {
    name: "the home and catalog pages load without layout shift (CLS under 0.05)",
    async run({ page, log }) {
      // Buffered observer added before any script runs, so the shifts from the very first paint count.
      await page.addInitScript(() => {
        window.__cls = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__cls += entry.value;
        }).observe({ type: "layout-shift", buffered: true });
      });
      for (const path of ["/", "/catalog", "/products/lantern"]) {
        await page.goto(path);
        await page.waitForLoadState("networkidle");
        await page.waitForTimeout(300);
        const cls = await page.evaluate(() => window.__cls);
        log(`CLS ${path}: ${cls.toFixed(4)}`);
        if (cls >= 0.05) throw new Error(`${path} shifted its layout by ${cls.toFixed(3)}`);
      }
    },
  },
  {
    name: "the keyboard reaches the skip link first and focus moves to the new page's heading",
    async run({ page }) {
      await page.goto("/");
      await page.keyboard.press("Tab");
      const first = await page.evaluate(() => document.activeElement?.textContent);
      if (first !== "Skip to content") throw new Error(`first tab stop was "${first}"`);
      await page.getByRole("link", { name: "Catalog", exact: true }).click();
      await page.waitForFunction(() => document.activeElement?.tagName === "H1");
    },
  },
];
