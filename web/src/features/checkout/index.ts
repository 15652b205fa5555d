// The checkout feature's public entry: what other features may import from it (the rest of features/checkout/ is its own;
// app/featureBoundaries.test.ts fails on a reach past this file). Lazy pages are not listed here: app/App.tsx imports
// them by path, so each stays a chunk of its own.
export { PaymentChallenge, RetryPayment } from "./payments/PaymentFollowUp";
export { guestPaymentsApi, myPaymentsApi, paymentsAdminApi } from "./payments/api";
export type { LedgerEntry } from "./payments/api";
export * from "./queryKeys";
