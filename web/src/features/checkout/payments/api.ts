import type { components } from "../../../api/generated/payments";
import { request } from "../../../shared/api/http";
import { orderAccessHeader } from "../guestOrders";

// Payments service: which provider is active and, for the simulated one, the test methods the shopper may pick
// (Stripe's test tokens such as pm_card_visa; never card data). The shapes are generated from its OpenAPI document
// (openapi/payments.json, npm run api:types).

type Schemas = components["schemas"];

export type TestPaymentMethod = Schemas["TestPaymentMethod"];

export type PaymentsConfig = Schemas["PaymentsConfigResponse"];

export const paymentsApi = {
  config: () => request<PaymentsConfig>("/api/payments/config"),
};

export type PaymentStatus = Schemas["PaymentStatus"];
export type LedgerEntryKind = Schemas["LedgerEntryKind"];

/** A customer's view of their order's payment: what was captured and how much has come back. Amounts in minor units. */
export type MyPayment = Schemas["MyPaymentResponse"];

export type LedgerEntry = Schemas["LedgerEntryResponse"];

/** An order's payment with its append-only ledger, for the back office. */
export type PaymentHistory = Schemas["PaymentHistoryResponse"];

export type RefundResult = Schemas["RefundResponse"];

export const paymentsAdminApi = {
  history: (orderId: string) => request<PaymentHistory>(`/api/payments/orders/${orderId}`),
  /** The same Idempotency-Key for a retried refund makes Payments refund once. */
  refund: (orderId: string, body: { amountMinor: number; reason?: string }, idempotencyKey: string) =>
    request<RefundResult>(`/api/payments/orders/${orderId}/refunds`, { method: "POST", body, headers: { "Idempotency-Key": idempotencyKey } }),
};

/** What the shopper does on the simulated bank's 3-D Secure page. */
export type ChallengeOutcome = "approve" | "fail" | "abandon";

export const myPaymentsApi = {
  forOrder: (orderId: string) => request<MyPayment>(`/api/payments/me/orders/${orderId}`),
  /** After Stripe.js ran the bank's check: Payments reads the intent and captures it, or records the failure. */
  completeAuthentication: (orderId: string) =>
    request<MyPayment>(`/api/payments/me/orders/${orderId}/authentication`, { method: "POST", body: {} }),
  /** The simulated provider's stand-in for the bank's page. */
  answerChallenge: (orderId: string, outcome: ChallengeOutcome) =>
    request<MyPayment>(`/api/payments/me/orders/${orderId}/simulated-challenge`, { method: "POST", body: { outcome } }),
};

/** A guest's payment, read with the order link's access token: the same answer as the customer's own view. */
export const guestPaymentsApi = {
  forOrder: (orderId: string, access: string) => request<MyPayment>(`/api/payments/guest/orders/${orderId}`, { headers: { [orderAccessHeader]: access } }),
  completeAuthentication: (orderId: string, access: string) =>
    request<MyPayment>(`/api/payments/guest/orders/${orderId}/authentication`, { method: "POST", body: {}, headers: { [orderAccessHeader]: access } }),
  answerChallenge: (orderId: string, access: string, outcome: ChallengeOutcome) =>
    request<MyPayment>(`/api/payments/guest/orders/${orderId}/simulated-challenge`, { method: "POST", body: { outcome }, headers: { [orderAccessHeader]: access } }),
};
