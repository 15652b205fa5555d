import { query, request, type Page, type PageQuery } from "./http";

// Orders service (services/Orders/Apis): checkout takes the lines the storefront showed plus an address and a payment
// token, with an Idempotency-Key so a double submit places one order; history is keyset-paged.

export type OrderStatus = "Pending" | "StockReserved" | "Paid" | "Shipped" | "Delivered" | "Cancelled";

export type { Page } from "./http";

export interface OrderSummary {
  id: string;
  status: OrderStatus;
  createdAt: string;
  itemCount: number;
  total: number;
  currency: string;
}

export interface AdminOrderSummary extends OrderSummary {
  customerId: string;
}

export interface OrderLine {
  productId: string;
  sku: string;
  name: string;
  quantity: number;
  unitPrice: number;
  lineTotal: number;
  discount: number;
  tax: number;
  taxRate: number;
}

export interface ShippingAddress {
  recipient: string;
  line1: string;
  line2?: string | null;
  city: string;
  postcode: string;
  region?: string | null;
  country: string;
  phone?: string | null;
}

export interface OrderHistoryEntry {
  from: OrderStatus | null;
  to: OrderStatus;
  trigger: string;
  actor: string;
  reason: string | null;
  at: string;
}

export interface OrderDetail {
  id: string;
  status: OrderStatus;
  createdAt: string;
  currency: string;
  subtotal: number;
  shipping: number;
  tax: number;
  total: number;
  paymentMethod: string;
  trackingNumber: string | null;
  cancellationReason: string | null;
  wasPaid: boolean;
  refundedAt: string | null;
  lines: OrderLine[];
  shippingAddress: ShippingAddress;
  history: OrderHistoryEntry[];
  pricesIncludeTax: boolean;
  discount: number;
  discountCode: string | null;
  shippingMethod: { code: string; name: string; earliestDelivery: string | null; latestDelivery: string | null };
  taxes: { rate: number; net: number; tax: number }[];
}

/** Without lines Orders places the server cart; with a quote fingerprint it charges only that quote (409 and the new one otherwise). */
export interface CheckoutRequest {
  lines?: { productId: string; quantity: number }[];
  addressId?: string;
  shippingAddress?: ShippingAddress;
  paymentMethod: string;
  shippingMethod?: string;
  quoteFingerprint?: string;
}

export interface AdminSearch extends PageQuery {
  /** The start of the order's id: the number the customer sees on their order page. */
  order?: string;
  status?: OrderStatus;
  customerId?: string;
  from?: string;
  to?: string;
}

export const ordersApi = {
  checkout: (body: CheckoutRequest, idempotencyKey: string) =>
    request<OrderDetail>("/api/orders", { method: "POST", body, headers: { "Idempotency-Key": idempotencyKey } }),
  mine: (cursor?: string) => request<Page<OrderSummary>>(`/api/orders${query({ limit: 20, cursor })}`),
  get: (id: string) => request<OrderDetail>(`/api/orders/${id}`),
  cancel: (id: string, reason?: string) => request<OrderDetail>(`/api/orders/${id}/cancel`, { method: "POST", body: { reason } }),
  adminSearch: (params: AdminSearch) => request<Page<AdminOrderSummary>>(`/api/orders/admin/search${query({ ...params })}`),
  adminGet: (id: string) => request<OrderDetail>(`/api/orders/admin/${id}`),
  ship: (id: string, trackingNumber: string) => request<OrderDetail>(`/api/orders/${id}/ship`, { method: "POST", body: { trackingNumber } }),
  deliver: (id: string) => request<OrderDetail>(`/api/orders/${id}/deliver`, { method: "POST" }),
  /** The store cancels before shipping: stock is released and a paid order refunded in full. */
  adminCancel: (id: string, reason: string) =>
    request<OrderDetail>(`/api/orders/admin/${id}/cancel`, { method: "POST", body: { reason } }),
};

/**
 * The order number a shopper sees and quotes: the id's last 12 hex digits. Ids are UUIDv7, whose leading digits are
 * a timestamp shared by every order of the same minute; the tail is random. The admin search finds an order by it.
 */
export const orderNumber = (id: string): string => id.replaceAll("-", "").slice(-12);

/** States after which the order page stops polling. */
export const settledStatuses: readonly OrderStatus[] = ["Paid", "Shipped", "Delivered", "Cancelled"];
