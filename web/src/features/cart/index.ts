// The cart feature's public entry: what other features may import from it (the rest of features/cart/ is its own;
// app/featureBoundaries.test.ts fails on a reach past this file). Lazy pages are not listed here: app/App.tsx imports
// them by path, so each stays a chunk of its own.
export { QuoteSummary, deliveryWindow } from "./QuoteSummary";
export { cartApi, maxQuantity } from "./api";
export type { QuoteView } from "./api";
export { useCartDrawer } from "./cartDrawerContext";
export { useCart, useCartChange, useCartOwner, useQuote } from "./useCart";
export * from "./queryKeys";
