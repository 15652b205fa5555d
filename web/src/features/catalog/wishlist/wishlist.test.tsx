import { afterEach, describe, expect, it, vi } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { fakeGateway, renderPage, shopper } from "../../../test/render";
import { localWishlist, maxWishlistItems, removeLocally, saveLocally } from "./localWishlist";
import { WishlistButton } from "./WishlistButton";
import { useMergeWishlistOnSignIn } from "./useWishlist";
import WishlistPage from "./WishlistPage";
import type { WishlistItem } from "./wishlistApi";

const id = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const mug = { id: id(1), name: "Enamel mug" };
const key = "ecommerce.wishlist.v1";

const item = (overrides: Partial<WishlistItem> = {}): WishlistItem => ({
  productId: id(1), name: "Enamel mug", slug: "enamel-mug", imageUrl: null, price: 10, currency: "GBP", available: true, active: true,
  savedAt: "2026-12-01T10:00:00Z", priceWhenSaved: 10, priceDropped: false, oldPrice: null, backInStock: false, ...overrides,
});

afterEach(() => vi.unstubAllGlobals());

describe("the visitor's wishlist in this browser", () => {
  it("keeps each product once, newest first, up to the account's limit, and ignores what is not an id", () => {
    saveLocally(id(1));
    saveLocally(id(2));
    saveLocally(id(1));
    expect(localWishlist()).toEqual([id(2), id(1)]);
    removeLocally(id(2));
    expect(localWishlist()).toEqual([id(1)]);

    localStorage.setItem(key, JSON.stringify([id(3), "<script>", 12, id(3)]));
    expect(localWishlist()).toEqual([id(3)]);

    localStorage.setItem(key, JSON.stringify(Array.from({ length: maxWishlistItems }, (_, i) => id(i + 10))));
    expect(saveLocally(id(5))).toBe(false);
    expect(localWishlist()).toHaveLength(maxWishlistItems);
  });
});

describe("WishlistButton", () => {
  it("is a toggle named for the product that a visitor's click saves in this browser", async () => {
    const { fetchMock } = fakeGateway({});
    renderPage(<WishlistButton product={mug} />);
    const button = screen.getByRole("button", { name: "Save Enamel mug to wishlist" });
    expect(button).toHaveAttribute("aria-pressed", "false");
    expect(button).toHaveTextContent("Save");

    await userEvent.click(button);
    await waitFor(() => expect(button).toHaveAttribute("aria-pressed", "true"));
    expect(JSON.parse(localStorage.getItem(key)!)).toEqual([mug.id]);

    await userEvent.click(button);
    await waitFor(() => expect(button).toHaveAttribute("aria-pressed", "false"));
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it("saves a customer's product in their account, not in the browser", async () => {
    const { requests } = fakeGateway({
      "GET /api/users/me/wishlist": { body: { items: [], maxItems: 200 } },
      [`PUT /api/users/me/wishlist/${mug.id}`]: { body: item() },
    });
    renderPage(<WishlistButton product={mug} />, { user: shopper });
    const button = screen.getByRole("button", { name: "Save Enamel mug to wishlist" });
    await waitFor(() => expect(requests.some((r) => r.method === "GET")).toBe(true));

    await userEvent.click(button);

    await waitFor(() => expect(button).toHaveAttribute("aria-pressed", "true"));
    expect(requests.filter((r) => r.method === "PUT").map((r) => r.url)).toEqual([`/api/users/me/wishlist/${mug.id}`]);
    expect(localStorage.getItem(key)).toBeNull();
  });
});

describe("merging at sign-in", () => {
  function Merge() {
    const merged = useMergeWishlistOnSignIn();
    return <p>{merged.data ? `merged ${merged.data.merged}` : "merging"}</p>;
  }

  it("sends the browser's list once and clears it; an empty list sends nothing", async () => {
    saveLocally(id(2));
    saveLocally(id(1));
    const { requests } = fakeGateway({
      "POST /api/users/me/wishlist/merge": { body: { wishlist: { items: [item(), item({ productId: id(2) })], maxItems: 200 }, notSaved: [] } },
    });
    renderPage(<Merge />, { user: shopper });

    await screen.findByText("merged 2");
    expect(requests.filter((r) => r.url.endsWith("/merge")).map((r) => r.body)).toEqual([{ productIds: [id(1), id(2)] }]);
    expect(localStorage.getItem(key)).toBeNull();
  });
});

describe("WishlistPage", () => {
  it("marks a price drop and a restock, removes an item and offers the catalog when empty", async () => {
    let items = [
      item({ price: 32, priceWhenSaved: 40, priceDropped: true, oldPrice: 40 }),
      item({ productId: id(2), name: "Lantern", slug: "lantern", backInStock: true }),
    ];
    const { requests } = fakeGateway({
      "GET /api/users/me/wishlist": () => ({ body: { items, maxItems: 200 } }),
      [`DELETE /api/users/me/wishlist/${id(1)}`]: () => ((items = items.slice(1)), { status: 204 }),
      [`DELETE /api/users/me/wishlist/${id(2)}`]: () => ((items = []), { status: 204 }),
    });
    renderPage(<WishlistPage />, { user: shopper });

    const list = await screen.findByRole("list", { name: "Saved products" });
    const [mugRow, lanternRow] = within(list).getAllByRole("listitem") as [HTMLElement, HTMLElement];
    expect(mugRow).toHaveTextContent("Was £40.00, now £32.00");
    expect(lanternRow).toHaveTextContent("Back in stock");
    expect(within(lanternRow).getByRole("button", { name: "Add to cart: Lantern" })).toBeEnabled();

    await userEvent.click(screen.getByRole("button", { name: "Remove Enamel mug from wishlist" }));
    await waitFor(() => expect(screen.queryByText("Enamel mug")).not.toBeInTheDocument());
    await userEvent.click(screen.getByRole("button", { name: "Remove Lantern from wishlist" }));

    await screen.findByText(/Your wishlist is empty/);
    expect(screen.getByRole("link", { name: "Browse the catalog" })).toHaveAttribute("href", "/catalog");
    expect(requests.filter((r) => r.method === "DELETE")).toHaveLength(2);
  });

  it("shows a visitor's saved products at their live prices and asks them to sign in to keep them", async () => {
    saveLocally(id(1));
    fakeGateway({
      "POST /api/products/lookup": { body: [{ id: id(1), sku: "S", name: "Enamel mug", slug: "enamel-mug", price: 12.5, currency: "GBP", available: 0, active: true, imageUrl: null, taxClass: "standard", weightGrams: 1, categorySlugs: [] }] },
    });
    renderPage(<WishlistPage />);

    const row = within(await screen.findByRole("list", { name: "Saved products" })).getByRole("listitem");
    expect(row).toHaveTextContent("£12.50");
    expect(row).toHaveTextContent("Out of stock");
    expect(within(row).getByRole("button", { name: "Add to cart: Enamel mug" })).toBeDisabled();
    expect(screen.getByText(/Saved in this browser only/)).toBeInTheDocument();
  });
});
