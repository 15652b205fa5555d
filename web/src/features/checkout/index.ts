// The checkout feature's public entry: what other features may import from it (the rest of features/checkout/ is its own;
// app/featureBoundaries.test.ts fails on a reach past this file). Lazy pages are not listed here: app/App.tsx imports
// them by path, so each stays a chunk of its own.
export { guestOrderAccess, orderAccessHeader, rememberGuestOrder } from "./guestOrders";
export { CardEntryError, cardOption } from "./payments/cardEntry";
export type { CreatePaymentMethod } from "./payments/cardEntry";
export { PaymentMethods } from "./payments/PaymentMethods";
export { guestPaymentsApi, myPaymentsApi, paymentsAdminApi, paymentsApi } from "./payments/api";
export type { ChallengeOutcome, LedgerEntry, MyPayment } from "./payments/api";
export * from "./queryKeys";
