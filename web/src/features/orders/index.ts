// The orders feature's public entry: what other features may import from it (the rest of features/orders/ is its own;
// app/featureBoundaries.test.ts fails on a reach past this file). Lazy pages are not listed here: app/App.tsx imports
// them by path, so each stays a chunk of its own.
export { StatusTimeline, statusLabel } from "./StatusTimeline";
export { formatOrderNumber, isOrderReference, ordersApi, returnReasons } from "./api";
export type { AdminOrderSummary, HeldOrder, OrderDetail, OrderStatus, Promotion, PromotionKind, ReturnQueueEntry, RiskSummary, SavePromotion, SaveShippingMethod, ShippingMethod, ShippingRateKind } from "./api";
export * from "./queryKeys";
