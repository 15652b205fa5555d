// The cart's query keys. `owner` is the signed-in customer's id or "anonymous" (the cookie's cart), so signing in
// switches to another key; each cart's quotes sit under it, so a cart change can drop them all at once.

export const cartKeys = {
  all: ["cart"] as const,
  cart: (owner: string | undefined) => [...cartKeys.all, owner] as const,
  quotes: (owner: string | undefined) => [...cartKeys.cart(owner), "quote"] as const,
  quote: (owner: string | undefined, country = "", shippingMethod = "", code = "") =>
    [...cartKeys.quotes(owner), country, shippingMethod, code] as const,
  merge: (userId: string | undefined) => ["cart-merge", userId] as const,
};
