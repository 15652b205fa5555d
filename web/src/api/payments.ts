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
