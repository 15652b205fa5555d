// The wishlist journey (services/Users/Wishlist, web/src/features/catalog/wishlist): a visitor's saves live in the browser until they
// sign up, then join the account. Written against what a shopper sees, for the fixture and the whole system alike.

import { fillCredentials, inStockProducts, uniqueEmail } from "../scenarios.mjs";

/** The wishlist link in the header names its count ("Wishlist, 2 items"). */
const wishlistLink = (page, count) =>
  page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: `Wishlist, ${count} ${count === 1 ? "item" : "items"}` });

async function saveFromProductPage(page, product) {
  await page.goto(`/products/${product.slug}`);
  const save = page.getByRole("button", { name: `Save ${product.name} to wishlist`, exact: true });
  await save.click();
  await page.locator(`button[aria-label="Save ${product.name} to wishlist"][aria-pressed="true"]`).first().waitFor();
}

export const wishlistJourneys = [
  {
    name: "an anonymous visitor saves two products, signs up, finds both on the wishlist, removes one and adds the other to the cart",
    async run({ page, shot, baseUrl }) {
      const [kept, dropped] = await inStockProducts(baseUrl);
      await saveFromProductPage(page, kept);
      await saveFromProductPage(page, dropped);
      await wishlistLink(page, 2).click();
      const saved = page.getByRole("list", { name: "Saved products" });
      await saved.getByRole("link", { name: kept.name, exact: true }).waitFor();
      await saved.getByRole("link", { name: dropped.name, exact: true }).waitFor();
      await page.getByText("Saved in this browser only.").waitFor();
      await shot("41-wishlist-visitor");

      // Sign up from the header; back on the wishlist, the browser's list has joined the new account.
      await page.getByRole("button", { name: "Sign up" }).click();
      await fillCredentials(page, uniqueEmail("wishlist"), true);
      await page.getByRole("button", { name: "Sign out" }).waitFor();
      await page.goto("/wishlist");
      await wishlistLink(page, 2).waitFor();
      await saved.getByRole("link", { name: kept.name, exact: true }).waitFor();
      await saved.getByRole("link", { name: dropped.name, exact: true }).waitFor();
      if (await page.getByText("Saved in this browser only.").isVisible()) throw new Error("a customer's wishlist says it is kept in the browser");
      const local = await page.evaluate(() => localStorage.getItem("ecommerce.wishlist.v1"));
      if (local !== null) throw new Error(`the browser still holds the merged list: ${local}`);
      await shot("42-wishlist-account");

      await page.getByRole("button", { name: `Remove ${dropped.name} from wishlist`, exact: true }).click();
      await saved.getByRole("link", { name: dropped.name, exact: true }).waitFor({ state: "detached" });
      await wishlistLink(page, 1).waitFor();

      await page.getByRole("button", { name: `Add to cart: ${kept.name}`, exact: true }).click();
      const drawer = page.getByRole("dialog", { name: "Your cart" });
      await drawer.getByRole("list", { name: "Items in your cart" }).getByText(kept.name, { exact: true }).waitFor();

      // The account holds it now: a fresh load shows the one product left, from the server.
      await page.goto("/wishlist");
      await saved.getByRole("link", { name: kept.name, exact: true }).waitFor();
      if ((await saved.getByRole("listitem").count()) !== 1) throw new Error("the removed product came back after a reload");
    },
  },
];
