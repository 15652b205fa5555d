import { afterEach, describe, expect, it, vi } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { CollectionItem, ProductSummary } from "../api/products";
import { AppRoutes } from "../../../app/App";
import { fakeCart } from "../../../test/fakeCart";
import { fakeGateway, renderPage } from "../../../test/render";

afterEach(() => vi.unstubAllGlobals());

const summary = (id: string, name: string, price: number): ProductSummary => ({
  id, sku: `SKU-${id}`, name, slug: name.toLowerCase().replace(/\W+/g, "-"), brand: "Northwind", category: "Kitchen", currency: "GBP", price, inStock: true, imageUrl: null, rating: null, reviews: 0,
  familyId: null, variantCount: 1, priceFrom: price, priceTo: price, swatches: [],
});

const rule = (id: number, slug: string, title: string, extra: Partial<CollectionItem> = {}): CollectionItem => ({
  id, slug, title, description: null, kind: "rule", categories: [], brands: [], minPrice: null, maxPrice: null, minRating: null, sort: "newest",
  productIds: [], position: id, showOnHome: true, active: true, ...extra,
});

/** The home rows come from the collections list; new in has two products, best sellers one, nothing is under £10. */
function catalog() {
  const pages: Record<string, ProductSummary[]> = {
    "new-in": [summary("p1", "Enamel mug", 12), summary("p2", "Tea towel", 15)],
    "gifts-under-10": [],
    "best-sellers": [summary("p3", "Lantern", 30)],
  };
  const collections = [rule(0, "new-in", "New in"), rule(1, "gifts-under-10", "Gifts under £10", { maxPrice: 10, sort: "best_selling" }), rule(2, "best-sellers", "Best sellers", { sort: "best_selling" })];
  return fakeGateway({
    "GET /api/products/collections": { body: collections },
    ...Object.fromEntries(collections.map((c) => [`GET /api/products/collections/${c.slug}`, { body: { collection: c, items: pages[c.slug], next: null } }])),
    ...fakeCart([], ["p1", "p2", "p3"]).routes,
  });
}

describe("the home page", () => {
  it("shows skeleton rows, then each collection's cards in order, each row linking to its collection page", async () => {
    const { requests } = catalog();
    renderPage(<AppRoutes />, { route: "/" });
    expect(screen.getByRole("heading", { name: "Everything for the home, delivered", level: 1 })).toBeInTheDocument();
    // Three collections plus the recommendations shelf, each holding its place with skeleton cards.
    expect(document.querySelectorAll(".row-grid .card.skeleton")).toHaveLength(12);

    const newIn = await screen.findByRole("list", { name: "New in" });
    expect(within(newIn).getAllByRole("listitem").map((li) => within(li).getByRole("link").textContent)).toEqual(["No imageEnamel mug", "No imageTea towel"]);
    expect(await screen.findByRole("list", { name: "Best sellers" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "See all New in" })).toHaveAttribute("href", "/collections/new-in");
    expect(screen.getByRole("link", { name: "See all Best sellers" })).toHaveAttribute("href", "/collections/best-sellers");
    const headings = screen.getAllByRole("heading", { level: 2 }).map((h) => h.textContent);
    expect(headings.indexOf("New in")).toBeLessThan(headings.indexOf("Best sellers"));

    const reads = requests.filter((r) => r.url.startsWith("/api/products/collections/")).map((r) => r.url);
    expect(reads).toEqual(
      expect.arrayContaining(["/api/products/collections/new-in?limit=4", "/api/products/collections/gifts-under-10?limit=4", "/api/products/collections/best-sellers?limit=4"]),
    );
  });

  it("leaves out a collection that comes back empty", async () => {
    catalog();
    renderPage(<AppRoutes />, { route: "/" });
    await screen.findByRole("list", { name: "New in" });
    await waitFor(() => expect(document.querySelectorAll(".row-grid .card.skeleton")).toHaveLength(0));
    expect(screen.queryByRole("heading", { name: "Gifts under £10" })).not.toBeInTheDocument();
    expect(screen.queryByRole("link", { name: /See all Gifts/ })).not.toBeInTheDocument();
  });

  it("adds a product from its card and opens the cart drawer on it", async () => {
    catalog();
    const user = userEvent.setup();
    renderPage(<AppRoutes />, { route: "/" });
    const newIn = await screen.findByRole("list", { name: "New in" });
    const add = within(newIn).getByRole("button", { name: "Add Enamel mug to cart" });
    await user.click(add);
    const drawer = await screen.findByRole("dialog", { name: "Your cart" });
    expect(drawer).toHaveAccessibleDescription("✓ Enamel mug is in your cart.");
    await user.click(within(drawer).getByRole("button", { name: "Continue shopping" }));
    expect(add).toHaveFocus();
  });
});
