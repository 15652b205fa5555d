import { afterEach, describe, expect, it, vi } from "vitest";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { fakeGateway, renderPage, type RecordedRequest } from "../../test/render";
import { CatalogPage } from "./CatalogPage";
import { SearchBox } from "./navigation/SearchBox";
import { searchQuery } from "./api/products";

afterEach(() => vi.unstubAllGlobals());

const mug = { id: "p1", sku: "MUG-1", name: "Mug", slug: "mug", brand: "acme", category: "kitchen", currency: "GBP", price: 8, inStock: true, imageUrl: null, rating: null, reviews: 0 };

/** A page whose facet counts, as the service's are, do not depend on the facet's own choices. */
const page = (overrides: object = {}) => ({
  items: [mug],
  next: null,
  didYouMean: null,
  facets: {
    total: 1, inStock: 1, priceRanges: [],
    categories: [{ slug: "kitchen", name: "Kitchen", count: 3 }, { slug: "lighting", name: "Lighting", count: 1 }, { slug: "garden", name: "Garden", count: 2 }],
    brands: [{ slug: "acme", name: "Acme", count: 4 }, { slug: "wren", name: "Wren", count: 2 }],
  },
  ...overrides,
});

const listRequests = (requests: RecordedRequest[]) => requests.filter((r) => r.url.startsWith("/api/products?") || r.url === "/api/products");
const chosen = (request: RecordedRequest | undefined, field: string) => new URL(request?.url ?? "/", "http://x").searchParams.getAll(field);

describe("catalog facets", () => {
  it("keeps focus on the checkbox just toggled and every other option on show; arrow keys only move focus", async () => {
    const gateway = fakeGateway({ "GET /api/products": () => ({ body: page() }) });
    const user = userEvent.setup();
    renderPage(<CatalogPage />, { route: "/catalog", path: "/catalog" });
    const group = await screen.findByRole("group", { name: "Category" });
    // A fixed order (by name), whatever the counts: nothing moves under the shopper's hand.
    expect(within(group).getAllByRole("checkbox").map((b) => b.getAttribute("value"))).toEqual(["garden", "kitchen", "lighting"]);

    const kitchen = within(group).getByRole("checkbox", { name: "Kitchen (3)" });
    await user.click(kitchen);
    await waitFor(() => expect(chosen(listRequests(gateway.requests).at(-1), "category")).toEqual(["kitchen"]));
    await waitFor(() => expect(screen.getByRole("checkbox", { name: "Kitchen (3)" })).toBeChecked());
    expect(kitchen.isConnected).toBe(true);
    expect(kitchen).toHaveFocus();
    expect(within(group).getAllByRole("checkbox")).toHaveLength(3);

    const asked = listRequests(gateway.requests).length;
    await user.keyboard("{ArrowDown}");
    const lighting = within(group).getByRole("checkbox", { name: "Lighting (1)" });
    expect(lighting).toHaveFocus();
    expect(lighting).not.toBeChecked();
    expect(listRequests(gateway.requests)).toHaveLength(asked);
    await user.keyboard("{ArrowUp}{ArrowUp}");
    expect(within(group).getByRole("checkbox", { name: "Garden (2)" })).toHaveFocus();

    await user.keyboard(" ");
    await waitFor(() => expect(chosen(listRequests(gateway.requests).at(-1), "category")).toEqual(["garden", "kitchen"]));
    await waitFor(() => expect(within(group).getByRole("checkbox", { name: "Garden (2)" })).toBeChecked());
    expect(within(group).getByRole("checkbox", { name: "Garden (2)" })).toHaveFocus();
    expect(screen.getByRole("button", { name: "Filters (2)" })).toBeInTheDocument();
  });

  it("keeps both of two categories ticked before the page renders in between", async () => {
    const gateway = fakeGateway({ "GET /api/products": () => ({ body: page() }) });
    renderPage(<CatalogPage />, { route: "/catalog", path: "/catalog" });
    const group = await screen.findByRole("group", { name: "Category" });
    // Both clicks in one task: the second handler runs before any render of the first one's URL, as on a slow phone.
    act(() => {
      fireEvent.click(within(group).getByRole("checkbox", { name: "Kitchen (3)" }));
      fireEvent.click(within(group).getByRole("checkbox", { name: "Garden (2)" }));
    });
    await waitFor(() => expect(chosen(listRequests(gateway.requests).at(-1), "category")).toEqual(["garden", "kitchen"]));
    expect(within(group).getByRole("checkbox", { name: "Kitchen (3)" })).toBeChecked();
  });

  it("shows the chosen filters as chips that remove them, and Clear empties one facet", async () => {
    const gateway = fakeGateway({ "GET /api/products": () => ({ body: page() }) });
    const user = userEvent.setup();
    renderPage(<CatalogPage />, { route: "/catalog?category=kitchen&brand=acme&brand=wren&inStock=true", path: "/catalog" });
    const chips = await screen.findByRole("list", { name: "Active filters" });
    await within(chips).findByRole("button", { name: "Remove filter: Kitchen" });
    expect(within(chips).getAllByRole("button").map((b) => b.getAttribute("aria-label"))).toEqual([
      "Remove filter: Kitchen", "Remove filter: Acme", "Remove filter: Wren", "Remove filter: In stock only",
    ]);

    await user.click(within(chips).getByRole("button", { name: "Remove filter: Acme" }));
    await waitFor(() => expect(chosen(listRequests(gateway.requests).at(-1), "brand")).toEqual(["wren"]));
    // Focus goes to the chip now in the removed one's place.
    await waitFor(() => expect(within(chips).getByRole("button", { name: "Remove filter: Wren" })).toHaveFocus());

    const brand = screen.getByRole("group", { name: "Brand" });
    await user.click(within(brand).getByRole("button", { name: "Clear brand" }));
    await waitFor(() => expect(chosen(listRequests(gateway.requests).at(-1), "brand")).toEqual([]));
    expect(chosen(listRequests(gateway.requests).at(-1), "category")).toEqual(["kitchen"]);
    expect(within(brand).getByRole("checkbox", { name: "Acme (4)" })).toHaveFocus();
    expect(within(brand).queryByRole("button", { name: "Clear brand" })).not.toBeInTheDocument();
  });

  it("keeps a chosen value the counts no longer list, so it can be unticked", async () => {
    fakeGateway({ "GET /api/products": () => ({ body: page() }) });
    renderPage(<CatalogPage />, { route: "/catalog?brand=birch", path: "/catalog" });
    const brand = await screen.findByRole("group", { name: "Brand" });
    expect(await within(brand).findByRole("checkbox", { name: "birch (0)" })).toBeChecked();
  });

  it("sends every facet value as its own parameter", () => {
    expect(searchQuery({ q: "tea pot", category: ["a", "b"], brand: ["c"], limit: 5 })).toBe("?q=tea+pot&limit=5&category=a&category=b&brand=c");
    expect(searchQuery({ category: ["a"] })).toBe("?category=a");
    expect(searchQuery({ sort: "newest" })).toBe("?sort=newest");
    expect(searchQuery({ colour: ["blue"], size: ["s", "m"] })).toBe("?colour=blue&size=s&size=m");
  });

  it("offers colour and size as facets, sizes in the service's order (S, M, L), and sends the choice", async () => {
    const options = {
      colours: [{ slug: "red", name: "Red", count: 2 }, { slug: "blue", name: "Blue", count: 1 }],
      sizes: [{ slug: "s", name: "S", count: 1 }, { slug: "m", name: "M", count: 3 }, { slug: "l", name: "L", count: 2 }],
    };
    const gateway = fakeGateway({ "GET /api/products": () => ({ body: page({ facets: { ...page().facets, ...options } }) }) });
    const user = userEvent.setup();
    renderPage(<CatalogPage />, { route: "/catalog?size=m", path: "/catalog" });
    await screen.findByRole("checkbox", { name: "S (1)" });
    const sizes = screen.getByRole("group", { name: "Size" });
    expect(within(sizes).getAllByRole("checkbox").map((b) => b.getAttribute("value"))).toEqual(["s", "m", "l"]);
    const colours = screen.getByRole("group", { name: "Colour" });
    expect(within(colours).getAllByRole("checkbox").map((b) => b.getAttribute("value"))).toEqual(["blue", "red"]);

    await user.click(within(colours).getByRole("checkbox", { name: "Red (2)" }));
    await waitFor(() => expect(chosen(listRequests(gateway.requests).at(-1), "colour")).toEqual(["red"]));
    expect(chosen(listRequests(gateway.requests).at(-1), "size")).toEqual(["m"]);
    const chips = screen.getByRole("list", { name: "Active filters" });
    await within(chips).findByRole("button", { name: "Remove filter: Red" });
    expect(within(chips).getByRole("button", { name: "Remove filter: Size M" })).toBeInTheDocument();
  });
});

describe("did you mean", () => {
  it("offers the corrected search as a link that runs it, other filters kept", async () => {
    const gateway = fakeGateway({
      "GET /api/products": (r) => ({
        body: r.url.includes("q=tepot") ? page({ items: [], facets: { ...page().facets, total: 0 }, didYouMean: { query: "teapot", total: 4 } }) : page(),
      }),
    });
    const user = userEvent.setup();
    renderPage(<CatalogPage />, { route: "/catalog?q=tepot&brand=acme", path: "/catalog" });
    const link = await screen.findByRole("link", { name: "teapot" });
    expect(link.closest("p")).toHaveTextContent("Did you mean teapot? (4 products)");
    expect(link).toHaveAttribute("href", "/catalog?q=teapot&brand=acme");
    await user.click(link);
    await screen.findByRole("heading", { name: "Results for “teapot”" });
    expect(listRequests(gateway.requests).at(-1)?.url).toContain("q=teapot");
    expect(screen.queryByText(/Did you mean/)).not.toBeInTheDocument();
  });

  it("Escape in the search box closes the suggestions and keeps the text", async () => {
    fakeGateway({ "GET /api/products/suggestions": { body: [{ name: "Teapot", slug: "teapot" }] } });
    const user = userEvent.setup();
    renderPage(<SearchBox />, { path: "/" });
    const box = screen.getByRole("combobox", { name: "Search products" });
    await user.type(box, "teap");
    await screen.findByRole("option", { name: "Teapot" });
    // A search input's own Escape clears it in browsers: the box must cancel that default.
    expect(fireEvent.keyDown(box, { key: "Escape" })).toBe(false);
    expect(box).toHaveValue("teap");
    expect(box).toHaveAttribute("aria-expanded", "false");
  });
});

describe("catalog price band", () => {
  it("searches the band a link names, shows it as a chip, and removing the chip searches without it", async () => {
    const gateway = fakeGateway({ "GET /api/products": () => ({ body: page() }) });
    const user = userEvent.setup();
    renderPage(<CatalogPage />, { route: "/catalog?maxPrice=10&sort=best_selling", path: "/catalog" });

    await waitFor(() => expect(chosen(listRequests(gateway.requests).at(-1), "maxPrice")).toEqual(["10"]));
    const chips = await screen.findByRole("list", { name: "Active filters" });
    await user.click(within(chips).getByRole("button", { name: /Up to £10/ }));

    await waitFor(() => expect(chosen(listRequests(gateway.requests).at(-1), "maxPrice")).toEqual([]));
  });
});
