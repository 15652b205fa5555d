import { paymentKeys } from "../checkout";
import { productKeys, reviewKeys } from "../catalog";
import { orderKeys } from "../orders";

// The back office's query keys, each under the family of the feature that owns its data (the catalog's
// `productKeys.all`, `orderKeys.all`, ...): an admin edit that invalidates `productKeys.all` refreshes the storefront's
// catalog too, and the storefront's invalidations reach these lists. Functions, not arrays built at load, so the
// other features' factories are read only when a key is asked for.

export const adminProductKeys = {
  all: () => [...productKeys.all, "admin"] as const,
  list: (term: string) => [...adminProductKeys.all(), term] as const,
  families: (term: string) => [...adminProductKeys.all(), "families", term] as const,
  family: (id: string) => [...adminProductKeys.all(), "family", id] as const,
  collections: () => [...adminProductKeys.all(), "collections"] as const,
  stock: (productId: string) => [...productKeys.all, "stock", productId] as const,
  stockHistory: (productId: string) => [...adminProductKeys.stock(productId), "history"] as const,
};

export const adminOrderKeys = {
  all: () => [...orderKeys.all, "admin"] as const,
  list: (status: string, order: string, customerId: string) => [...adminOrderKeys.all(), status, order, customerId] as const,
  detail: (id: string) => [...adminOrderKeys.all(), "detail", id] as const,
  returns: () => [...adminOrderKeys.all(), "returns"] as const,
  risk: () => [...adminOrderKeys.all(), "risk"] as const,
  riskSummary: (days: number) => [...adminOrderKeys.risk(), "summary", days] as const,
  pickList: () => [...adminOrderKeys.all(), "pick-list"] as const,
  shippingMethods: () => [...adminOrderKeys.all(), "shipping-methods"] as const,
  promotions: () => [...adminOrderKeys.all(), "promotions"] as const,
  carriers: () => [...orderKeys.all, "carriers"] as const,
  sales: (days: number) => [...orderKeys.all, "sales", days] as const,
};

export const adminPaymentKeys = {
  order: (orderId: string) => paymentKeys.admin(orderId),
};

export const adminReviewKeys = {
  pending: () => [...reviewKeys.all, "admin", "Pending"] as const,
};

export const notificationKeys = {
  all: ["notifications", "admin"] as const,
  messages: (customerId: string) => [...notificationKeys.all, "messages", customerId] as const,
  webhooks: () => [...notificationKeys.all, "webhooks"] as const,
  deliveries: (endpointId: string) => [...notificationKeys.webhooks(), endpointId, "deliveries"] as const,
  webhookEventTypes: () => [...notificationKeys.all, "webhook-event-types"] as const,
};

export const modelKeys = {
  all: ["ai", "models"] as const,
  drift: () => [...modelKeys.all, "drift"] as const,
};
