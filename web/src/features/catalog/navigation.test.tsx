import { afterEach, describe, expect, it, vi } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { fakeGateway, renderPage } from "../../test/render";
import { CatalogPage } from "./CatalogPage";
import CollectionPage from "./CollectionPage";
import { CategoryMenu } from "./navigation/CategoryMenu";
import { categoryTrail, categoryTree } from "./navigation/categoryTree";
import { requestOf } from "../admin/CollectionEditor";
import AdminCollectionsPage, { describeCollection } from "../admin/AdminCollectionsPage";
import type { CollectionItem } from "./api/products";

afterEach(() => vi.unstubAllGlobals());

const categories = [
  { id: 1, name: "Home", slug: "home", parentSlug: null },
  { id: 2, name: "Kitchen", slug: "kitchen", parentSlug: "home" },
  { id: 3, name: "Gifts", slug: "gifts", parentSlug: null },
  { id: 4, name: "Decor", slug: "decor", parentSlug: "home" },
];
const mug = { id: "p1", sku: "MUG-1", name: "Mug", slug: "mug", brand: "acme", category: "kitchen", currency: "GBP", price: 8, inStock: true, imageUrl: null, rating: 4.5, reviews: 2 };
const facets = {
  total: 1, inStock: 1, priceRanges: [], categories: [{ slug: "kitchen", name: "Kitchen", count: 1 }], brands: [],
  ratings: [{ minRating: 4, count: 1 }, { minRating: 3, count: 1 }, { minRating: 2, count: 2 }, { minRating: 1, count: 2 }],
};
const collection: CollectionItem = {
  id: 7, slug: "picks", title: "Our picks", description: "Chosen by the team.", kind: "manual", categories: [], brands: [], minPrice: null, maxPrice: null,
  minRating: null, sort: null, productIds: ["p1"], position: 0, showOnHome: true, active: true,
};

describe("the category tree", () => {
  it("nests children under parents by name and walks a trail from the root", () => {
    const tree = categoryTree(categories);
    expect(tree.map((c) => c.slug)).toEqual(["gifts", "home"]);
    expect(tree[1]!.children.map((c) => c.slug)).toEqual(["decor", "kitchen"]);
    expect(categoryTrail(categories, "kitchen").map((c) => c.name)).toEqual(["Home", "Kitchen"]);
    expect(categoryTrail(categories, "nowhere")).toEqual([]);
  });
});

describe("the category menu", () => {
  it("is a disclosure: the button opens nested links, arrows move between them, Escape closes and returns focus", async () => {
    fakeGateway({ "GET /api/products/categories": { body: categories } });
    const user = userEvent.setup();
    renderPage(<CategoryMenu />);
    const button = screen.getByRole("button", { name: "Categories" });
    expect(button).toHaveAttribute("aria-expanded", "false");
    await user.click(button);
    expect(button).toHaveAttribute("aria-expanded", "true");
    const kitchen = await screen.findByRole("link", { name: "Kitchen" });
    expect(kitchen).toHaveAttribute("href", "/catalog?category=kitchen");
    expect(within(screen.getByRole("list", { name: "Home" })).getAllByRole("link").map((a) => a.textContent)).toEqual(["Decor", "Kitchen"]);

    screen.getByRole("link", { name: "All products" }).focus();
    await user.keyboard("{ArrowDown}");
    expect(screen.getByRole("link", { name: "Gifts" })).toHaveFocus();
    await user.keyboard("{Escape}");
    expect(button).toHaveAttribute("aria-expanded", "false");
    expect(button).toHaveFocus();
  });

  it("opens on Arrow Down at All products while the categories are still loading", async () => {
    vi.stubGlobal("fetch", vi.fn(() => new Promise<Response>(() => {})));
    const user = userEvent.setup();
    renderPage(<CategoryMenu />);
    const button = screen.getByRole("button", { name: "Categories" });
    button.focus();
    await user.keyboard("{ArrowDown}");
    expect(button).toHaveAttribute("aria-expanded", "true");
    await waitFor(() => expect(screen.getByRole("link", { name: "All products" })).toHaveFocus());
  });
});

describe("catalog navigation", () => {
  it("shows Home > Parent > Category for one category, and the rating facet as buttons with a chip", async () => {
    const gateway = fakeGateway({ "GET /api/products": { body: { items: [mug], next: null, didYouMean: null, facets } }, "GET /api/products/categories": { body: categories } });
    const user = userEvent.setup();
    renderPage(<CatalogPage />, { route: "/catalog?category=kitchen", path: "/catalog" });
    const crumbs = await screen.findByRole("navigation", { name: "Breadcrumb" });
    expect(within(crumbs).getAllByRole("listitem").map((li) => li.textContent)).toEqual(["Home", "Home", "Kitchen"]);
    expect(within(crumbs).getAllByRole("link").map((a) => a.getAttribute("href"))).toEqual(["/", "/catalog?category=home"]);
    expect(within(crumbs).getByText("Kitchen")).toHaveAttribute("aria-current", "page");

    const rating = await screen.findByRole("group", { name: "Customer rating" });
    await user.click(within(rating).getByRole("button", { name: "4★ & up (1)" }));
    await waitFor(() => expect(gateway.requests.at(-1)?.url).toContain("minRating=4"));
    expect(await within(rating).findByRole("button", { name: "4★ & up (1)", pressed: true })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Remove filter: 4★ & up" })).toBeInTheDocument();
  });
});

describe("collections", () => {
  it("a collection page shows its title, description and products", async () => {
    fakeGateway({ "GET /api/products/collections/picks": { body: { collection, items: [mug], next: null } } });
    renderPage(<CollectionPage />, { route: "/collections/picks", path: "/collections/:slug" });
    expect(await screen.findByRole("heading", { name: "Our picks", level: 1 })).toBeInTheDocument();
    expect(screen.getByText("Chosen by the team.")).toBeInTheDocument();
    expect(screen.getByRole("list", { name: "Our picks" })).toBeInTheDocument();
  });

  it("the editor sends a rule's filter or a manual list's ids, never both; the list says what each holds", () => {
    const base = { title: "Gifts", slug: "", description: "", categories: "gifts, toys", brands: "", minPrice: "", maxPrice: "10", minRating: "4", sort: "best_selling", productIds: "a\nb", showOnHome: true, active: true };
    expect(requestOf({ ...base, kind: "rule" })).toMatchObject({ kind: "rule", categories: ["gifts", "toys"], maxPrice: 10, minRating: 4, productIds: [], slug: null });
    expect(requestOf({ ...base, kind: "manual" })).toMatchObject({ kind: "manual", categories: [], maxPrice: null, sort: null, productIds: ["a", "b"] });
    expect(describeCollection({ ...collection, kind: "rule", categories: ["gifts"], maxPrice: 10, sort: "best_selling" })).toBe("gifts · under £10 · best selling");
    expect(describeCollection(collection)).toBe("1 product picked by hand");
  });

  it("the admin page moves a collection up by sending the new order", async () => {
    const second = { ...collection, id: 8, slug: "new-in", title: "New in", kind: "rule", productIds: [], sort: "newest" };
    const gateway = fakeGateway({ "GET /api/products/admin/collections": { body: [collection, second] }, "PUT /api/products/admin/collections/order": { body: [second, collection] } });
    const user = userEvent.setup();
    renderPage(<AdminCollectionsPage />);
    await user.click(await screen.findByRole("button", { name: "Move New in up" }));
    await waitFor(() => expect(gateway.requests.find((r) => r.method === "PUT")?.body).toEqual({ ids: [8, 7] }));
  });
});
