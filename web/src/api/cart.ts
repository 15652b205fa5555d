import { query, request } from "./http";

// The Orders service's cart (services/Orders/Carts) and its quote (services/Orders/Pricing). One cart on the server for
// anonymous shoppers (an HttpOnly cookie names it) and customers (their account): the storefront holds no prices,
// shipping or tax rules of its own; it shows what the quote says and places the order with the quote's fingerprint.

export interface CartLineView {
  productId: string;
  sku: string;
  name: string;
  slug: string;
  imageUrl: string | null;
  quantity: number;
  unitPrice: number;
  currency: string;
  lineTotal: number;
  available: boolean;
  priceChanged: boolean;
  previousPrice: number | null;
}

export interface CartView {
  cartId: string | null;
  lines: CartLineView[];
  priceChanges: { productId: string; name: string; oldPrice: number; newPrice: number; currency: string }[];
  itemCount: number;
  subtotal: number;
  currency: string | null;
  pricesCurrent: boolean;
}

export interface ShippingOptionView {
  code: string;
  name: string;
  zone: string;
  fee: number;
  earliestDelivery: string;
  latestDelivery: string;
}

export interface QuoteLineView {
  productId: string;
  sku: string;
  name: string;
  quantity: number;
  unitPrice: number;
  amount: number;
  discount: number;
  tax: number;
  taxRate: number;
  taxClass: string;
}

export interface QuoteView {
  currency: string;
  pricesIncludeTax: boolean;
  country: string;
  lines: QuoteLineView[];
  subtotal: number;
  discount: number;
  discountCode: string | null;
  discountDescription: string | null;
  shipping: ShippingOptionView | null;
  shippingOptions: ShippingOptionView[];
  taxes: { rate: number; net: number; tax: number }[];
  tax: number;
  total: number;
  totalMinor: number;
  fingerprint: string;
}

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
  quote: (country?: string, shippingMethod?: string) => request<QuoteView>(`/api/orders/cart/quote${query({ country, shippingMethod })}`),
};
