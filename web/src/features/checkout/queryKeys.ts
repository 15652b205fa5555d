// Payments' query keys (checkout's payment methods and an order's payments). An order's payment reads sit under
// `forOrder(id)`, so paying again invalidates every one of them whatever access and status they were keyed by.

export const paymentKeys = {
  all: ["payments"] as const,
  config: () => [...paymentKeys.all, "config"] as const,
  forOrder: (orderId: string) => [...paymentKeys.all, "mine", orderId] as const,
  /** Keyed by the order's status and refunded returns too, so each move reads the payment afresh. */
  order: (orderId: string, access: string, status: string | undefined, refunds: number | undefined) =>
    [...paymentKeys.forOrder(orderId), access, status, refunds] as const,
  admin: (orderId: string) => [...paymentKeys.all, "admin", orderId] as const,
};
