import { describe, expect, it } from "vitest";
import { product } from "../test/render";
import type { CartLine } from "./cartStore";
import { estimatedShipping, priceCart } from "./pricing";

const line = (overrides: Partial<CartLine> = {}): CartLine => ({
  productId: "p1",
  name: "Mug",
  slug: "mug",
  priceWhenAdded: 10,
  currency: "GBP",
  imageUrl: null,
  quantity: 2,
  ...overrides,
});

describe("priceCart", () => {
  it("uses the catalog's current price and flags the change", () => {
    const cart = priceCart([line()], [product({ price: 12.5 })]);
    expect(cart.lines[0]).toMatchObject({ unitPrice: 12.5, lineTotal: 25, priceChanged: true, purchasable: true });
    expect(cart.subtotal).toBe(25);
    expect(cart.canCheckOut).toBe(true);
  });

  it("blocks checkout for a deactivated product, a missing one, or too few units", () => {
    expect(priceCart([line()], [product({ active: false })]).lines[0]?.problem).toBe("No longer sold");
    expect(priceCart([line()], []).canCheckOut).toBe(false);
    const low = priceCart([line({ quantity: 5 })], [product({ available: 3 })]);
    expect(low.lines[0]?.problem).toBe("Only 3 left");
    expect(low.canCheckOut).toBe(false);
  });

  it("shows the added price and claims no change before the catalog answers", () => {
    const cart = priceCart([line({ quantity: 3 })], undefined);
    expect(cart.lines[0]).toMatchObject({ unitPrice: 10, lineTotal: 30, priceChanged: false });
    expect(cart.itemCount).toBe(3);
  });

  it("adds money without floating-point crumbs", () => {
    const cart = priceCart([line({ quantity: 3 })], [product({ price: 0.1 })]);
    expect(cart.subtotal).toBe(0.3);
  });
});

describe("estimatedShipping", () => {
  it("mirrors Orders' default: 4.95 below 50, free from 50", () => {
    expect(estimatedShipping(49.99)).toBe(4.95);
    expect(estimatedShipping(50)).toBe(0);
  });
});
