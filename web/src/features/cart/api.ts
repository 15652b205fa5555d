import type { components } from "../../api/generated/orders";
import { query, request } from "../../shared/api/http";

// The Orders service's cart (services/Orders/Carts) and its quote (services/Orders/Pricing). One cart on the server for
// anonymous shoppers (an HttpOnly cookie names it) and customers (their account): the storefront holds no prices,
// shipping or tax rules of its own; it shows what the quote says and places the order with the quote's fingerprint.
// The shapes are generated from Orders' OpenAPI document (openapi/orders.json, npm run api:types).

type Schemas = components["schemas"];

export type CartLineView = Schemas["CartLineView"];

export type CartView = Schemas["CartView"];

export type ShippingOptionView = Schemas["ShippingOptionView"];

export type QuoteLineView = Schemas["QuoteLineView"];

export type QuoteView = Schemas["QuoteView"];

/** The most of one product a cart line takes (Orders:Cart:MaxQuantityPerLine). */
export const maxQuantity = 99;

export const cartApi = {
  get: () => request<CartView>("/api/orders/cart"),
  add: (productId: string, quantity: number) => request<CartView>("/api/orders/cart/lines", { method: "POST", body: { productId, quantity } }),
  setQuantity: (productId: string, quantity: number) =>
    request<CartView>(`/api/orders/cart/lines/${productId}`, { method: "PUT", body: { quantity } }),
  remove: (productId: string) => request<CartView>(`/api/orders/cart/lines/${productId}`, { method: "DELETE" }),
  /** After sign-in: moves the anonymous cart (its cookie) into the customer's. */
  merge: () => request<{ cart: CartView; notMerged: string[] }>("/api/orders/cart/merge", { method: "POST" }),
  quote: (country?: string, shippingMethod?: string, code?: string) =>
    request<QuoteView>(`/api/orders/cart/quote${query({ country, shippingMethod, code })}`),
  /** One product delivered to the store's home country (or `country`): its VAT and every shipping option, no cart needed. */
  deliveryQuote: (productId: string, country?: string) => request<QuoteView>(`/api/orders/delivery-quote${query({ productId, country })}`),
};
