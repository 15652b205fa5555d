import type { components } from "../../api/generated/orders";
import { request, type RequestBody } from "../../shared/api/http";

// Placing an order (services/Orders): checkout places the server cart (features/cart/api.ts) at the quote shown, with
// an address and a payment token, and an Idempotency-Key so a double submit places one order. Here rather than in
// features/orders/api.ts so that checkout needs nothing of orders (the order page uses checkout's payment step).

type Schemas = components["schemas"];

export type CheckoutRequest = RequestBody<Schemas["CheckoutRequest"]>;

/** Buying without an account: the anonymous server cart, the guest's e-mail, and `website`, a honeypot left empty. */
export type GuestCheckoutRequest = RequestBody<Schemas["GuestCheckoutRequest"]>;

/** A guest's new order and the access token of its link (`/orders/{id}?access=…`). */
export type GuestOrderPlaced = Schemas["GuestOrderPlaced"];

export const checkoutApi = {
  checkout: (body: CheckoutRequest, idempotencyKey: string) =>
    request<Schemas["OrderDetail"]>("/api/orders", { method: "POST", body, headers: { "Idempotency-Key": idempotencyKey } }),
  guestCheckout: (body: GuestCheckoutRequest, idempotencyKey: string) =>
    request<GuestOrderPlaced>("/api/orders/guest/checkout", { method: "POST", body, headers: { "Idempotency-Key": idempotencyKey } }),
};
