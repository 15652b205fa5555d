// Orders' query keys for the shopper's pages. The back office's order keys (features/admin/queryKeys.ts) start with
// `orderKeys.all` too, so invalidating it after a cancel or a payment refreshes both.

export const orderKeys = {
  all: ["orders"] as const,
  mine: () => [...orderKeys.all, "mine"] as const,
  /** One order, read by its customer ("mine") or by a guest with the access token from the confirmation link. */
  detail: (id: string, access: string | undefined) => [...orderKeys.all, id, access ?? "mine"] as const,
};
