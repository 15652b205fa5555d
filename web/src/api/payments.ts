import { request } from "./http";

// Payments service: which provider is active and, for the simulated one, the test methods the shopper may pick.

export interface TestPaymentMethod {
  token: string;
  label: string;
  outcome?: string;
}

export interface PaymentsConfig {
  provider: "simulated" | "stripe" | (string & {});
  publishableKey?: string | null;
  testMethods: TestPaymentMethod[];
}

export const paymentsApi = {
  config: () => request<PaymentsConfig>("/api/payments/config").then((c) => ({ ...c, testMethods: c.testMethods ?? [] })),
};
