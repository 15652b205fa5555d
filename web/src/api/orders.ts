import { query, request } from "./http";
import type { AddressInput } from "./users";

// Orders service: the server cart, checkout (with an Idempotency-Key so a double submit places one order), order
// history and the admin's ship/deliver/cancel.

export type OrderStatus = "Placed" | "StockReserved" | "Paid" | "Shipped" | "Delivered" | "Cancelled" | (string & {});

export interface CartLineInput {
  productId: string;
  quantity: number;
}

export interface OrderLine {
  productId: string;
  sku: string;
  name?: string;
  quantity: number;
  unitPrice: number;
}

export interface StatusChange {
  status: OrderStatus;
  at: string;
  reason?: string | null;
}

export interface OrderSummary {
  id: string;
  number?: string;
  status: OrderStatus;
  total: number;
  currency: string;
  createdAt: string;
  customerId?: string;
}

export interface OrderDetail extends OrderSummary {
  lines: OrderLine[];
  subtotal?: number;
  shippingCost?: number;
  shippingMethod?: string;
  history: StatusChange[];
  failureReason?: string | null;
  trackingNumber?: string | null;
}

export type ShippingMethod = "standard" | "express";

export interface CheckoutRequest {
  shippingAddressId?: string;
  shippingAddress?: AddressInput;
  shippingMethod: ShippingMethod;
  paymentMethod: string;
}

export interface CheckoutResponse {
  orderId: string;
  status: OrderStatus;
}

export interface DailySales {
  date: string;
  orders: number;
  revenue: number;
}

export const ordersApi = {
  replaceCart: (items: CartLineInput[]) => request<unknown>("/api/orders/cart", { method: "PUT", body: { items } }),
  checkout: (body: CheckoutRequest, idempotencyKey: string) =>
    request<CheckoutResponse>("/api/orders/checkout", { method: "POST", body, headers: { "Idempotency-Key": idempotencyKey } }),
  mine: () => request<OrderSummary[]>("/api/orders"),
  get: (id: string) => request<OrderDetail>(`/api/orders/${id}`).then((o) => ({ ...o, history: o.history ?? [], lines: o.lines ?? [] })),
  cancel: (id: string) => request<void>(`/api/orders/${id}/cancel`, { method: "POST" }),
  adminSearch: (params: { q?: string; status?: string; page?: number }) =>
    request<OrderSummary[]>(`/api/orders/admin${query(params)}`),
  ship: (id: string, trackingNumber: string) => request<void>(`/api/orders/${id}/ship`, { method: "POST", body: { trackingNumber } }),
  deliver: (id: string) => request<void>(`/api/orders/${id}/deliver`, { method: "POST" }),
  adminCancel: (id: string, reason: string) => request<void>(`/api/orders/${id}/cancel`, { method: "POST", body: { reason } }),
  sales: (days = 30) => request<DailySales[]>(`/api/orders/admin/sales${query({ days })}`),
};

/** States after which the order page stops polling. */
export const settledStatuses: readonly string[] = ["Paid", "Shipped", "Delivered", "Cancelled"];
