import { describe, expect, it } from "vitest";
import { CartStore } from "./cartStore";

const mug = { productId: "p1", name: "Mug", slug: "mug", priceWhenAdded: 10, currency: "GBP", imageUrl: null };

describe("CartStore", () => {
  it("adding the same product twice adds to one line", () => {
    const store = new CartStore(localStorage);
    store.add(mug, 2);
    store.add(mug, 3);
    expect(store.getLines()).toHaveLength(1);
    expect(store.getLines()[0]?.quantity).toBe(5);
  });

  it("caps a line at 99 units and removes it at zero", () => {
    const store = new CartStore(localStorage);
    store.add(mug, 500);
    expect(store.getLines()[0]?.quantity).toBe(99);
    store.setQuantity("p1", 0);
    expect(store.getLines()).toHaveLength(0);
  });

  it("survives a page load through storage, the way a sign-in redirect leaves the page", () => {
    new CartStore(localStorage).add(mug, 2);
    const reloaded = new CartStore(localStorage);
    expect(reloaded.getLines()).toEqual([{ ...mug, quantity: 2 }]);
  });

  it("starts empty when storage holds garbage", () => {
    localStorage.setItem("ecommerce.cart.v1", "{not json");
    expect(new CartStore(localStorage).getLines()).toEqual([]);
    localStorage.setItem("ecommerce.cart.v1", JSON.stringify([{ productId: 3 }]));
    expect(new CartStore(localStorage).getLines()).toEqual([]);
  });

  it("notifies subscribers on every change and stops after unsubscribe", () => {
    const store = new CartStore(localStorage);
    let calls = 0;
    const unsubscribe = store.subscribe(() => calls++);
    store.add(mug);
    store.remove("p1");
    unsubscribe();
    store.add(mug);
    expect(calls).toBe(2);
  });

  it("acknowledging a new price makes it the reference price", () => {
    const store = new CartStore(localStorage);
    store.add(mug);
    store.acknowledgePrice("p1", 12.5);
    expect(store.getLines()[0]?.priceWhenAdded).toBe(12.5);
  });
});
