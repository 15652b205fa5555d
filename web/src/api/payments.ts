import { request } from "./http";

// Payments service: which provider is active and, for the simulated one, the test methods the shopper may pick
// (Stripe's test tokens such as pm_card_visa; never card data).

export interface TestPaymentMethod {
  id: string;
  label: string;
  outcome: string;
}

export interface PaymentsConfig {
  provider: string;
  simulated: boolean;
  publishableKey: string | null;
  testPaymentMethods: TestPaymentMethod[];
}

export const paymentsApi = {
  config: () => request<PaymentsConfig>("/api/payments/config"),
};

export type PaymentStatus = "Pending" | "Processing" | "Authorised" | "Captured" | "Refunded" | "Failed" | "Cancelled";
export type LedgerEntryKind = "Authorised" | "Captured" | "Failed" | "Refunded";

/** A customer's view of their order's payment: what was captured and how much has come back. Amounts in minor units. */
export interface MyPayment {
  orderId: string;
  status: PaymentStatus;
  amountMinor: number;
  currency: string;
  capturedMinor: number;
  refundedMinor: number;
  failureReason: string | null;
  provider: string | null;
  simulated: boolean;
}

export interface LedgerEntry {
  id: number;
  kind: LedgerEntryKind;
  amountMinor: number;
  currency: string;
  providerReference: string | null;
  reason: string | null;
  occurredAt: string;
}

/** An order's payment with its append-only ledger, for the back office. */
export interface PaymentHistory {
  orderId: string;
  paymentId: string;
  customerId: string;
  status: PaymentStatus;
  amountMinor: number;
  currency: string;
  paymentMethod: string;
  provider: string | null;
  providerPaymentId: string | null;
  failureReason: string | null;
  totals: { authorisedMinor: number; capturedMinor: number; refundedMinor: number; netMinor: number; refundableMinor: number };
  entries: LedgerEntry[];
}

export interface RefundResult {
  orderId: string;
  amountMinor: number;
  currency: string;
  providerRefundId: string | null;
  refundedTotalMinor: number;
  refundableMinor: number;
  occurredAt: string;
}

export const paymentsAdminApi = {
  history: (orderId: string) => request<PaymentHistory>(`/api/payments/orders/${orderId}`),
  /** The same Idempotency-Key for a retried refund makes Payments refund once. */
  refund: (orderId: string, body: { amountMinor: number; reason?: string }, idempotencyKey: string) =>
    request<RefundResult>(`/api/payments/orders/${orderId}/refunds`, { method: "POST", body, headers: { "Idempotency-Key": idempotencyKey } }),
};

export const myPaymentsApi = {
  forOrder: (orderId: string) => request<MyPayment>(`/api/payments/me/orders/${orderId}`),
};
