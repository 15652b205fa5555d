import { afterEach, describe, expect, it, vi } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ProductSummary } from "../api/products";
import { AppRoutes } from "../App";
import { fakeCart } from "../test/fakeCart";
import { fakeGateway, renderPage } from "../test/render";

afterEach(() => vi.unstubAllGlobals());

const summary = (id: string, name: string, price: number): ProductSummary => ({
  id, sku: `SKU-${id}`, name, slug: name.toLowerCase().replace(/\W+/g, "-"), brand: "Northwind", category: "Kitchen", currency: "GBP", price, inStock: true, imageUrl: null, rating: null, reviews: 0,
  familyId: null, variantCount: 1, priceFrom: price, priceTo: price, swatches: [],
});

/** The catalog search answers each collection's query: new in has two, best sellers one, nothing is under £10. */
function catalog() {
  return fakeGateway({
    "GET /api/products": (r) => {
      const params = new URL(r.url, "http://store").searchParams;
      const items = params.has("maxPrice") ? [] : params.get("sort") === "newest" ? [summary("p1", "Enamel mug", 12), summary("p2", "Tea towel", 15)] : [summary("p3", "Lantern", 30)];
      return { body: { items, next: null, facets: null } };
    },
    ...fakeCart([], ["p1", "p2", "p3"]).routes,
  });
}

describe("the home page", () => {
  it("shows a skeleton row per collection, then the cards, each row linking to the catalog with its query", async () => {
    const { requests } = catalog();
    renderPage(<AppRoutes />, { route: "/" });
    expect(screen.getByRole("heading", { name: "Everything for the home, delivered", level: 1 })).toBeInTheDocument();
    // Three collections plus the recommendations shelf, each holding its place with skeleton cards.
    expect(document.querySelectorAll(".row-grid .card.skeleton")).toHaveLength(12);

    const newIn = await screen.findByRole("list", { name: "New in" });
    expect(within(newIn).getAllByRole("listitem").map((li) => within(li).getByRole("link").textContent)).toEqual(["No imageEnamel mug", "No imageTea towel"]);
    expect(await screen.findByRole("list", { name: "Best sellers" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "See all New in" })).toHaveAttribute("href", "/catalog?sort=newest");
    expect(screen.getByRole("link", { name: "See all Best sellers" })).toHaveAttribute("href", "/catalog?sort=best_selling");

    const searches = requests.filter((r) => r.url.startsWith("/api/products?")).map((r) => r.url);
    expect(searches).toEqual(
      expect.arrayContaining(["/api/products?sort=newest&limit=4", "/api/products?maxPrice=10&sort=best_selling&limit=4", "/api/products?sort=best_selling&limit=4"]),
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
