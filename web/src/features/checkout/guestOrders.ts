// The access tokens of the orders this browser placed as a guest, kept in localStorage so the guest's tab (or a new
// one) can return to the order page without the link. A token is `{expiry, unix seconds}.{signature}`: expired ones
// are dropped when the list is read. Only the token is kept, never the order.
const key = "ecommerce.guest-orders.v1";

/** The header that carries a guest order link's access token (to Orders and to Payments). */
export const orderAccessHeader = "X-Order-Access";

type Stored = Record<string, string>;

const storage = (): Storage | null => (typeof localStorage === "undefined" ? null : localStorage);

function read(): Stored {
  try {
    const parsed: unknown = JSON.parse(storage()?.getItem(key) ?? "{}");
    if (typeof parsed !== "object" || parsed === null) return {};
    const now = Date.now() / 1000;
    return Object.fromEntries(
      Object.entries(parsed as Record<string, unknown>).filter(
        (entry): entry is [string, string] => typeof entry[1] === "string" && Number(entry[1].split(".")[0]) > now,
      ),
    );
  } catch {
    return {};
  }
}

export function rememberGuestOrder(orderId: string, accessToken: string): void {
  storage()?.setItem(key, JSON.stringify({ ...read(), [orderId]: accessToken }));
}

/** The token this browser holds for a guest order, if it has one that has not expired. */
export function guestOrderAccess(orderId: string): string | undefined {
  return read()[orderId];
}

/** The link a guest keeps: the order page with its access token. */
export const guestOrderLink = (orderId: string, accessToken: string) => `/orders/${orderId}?access=${encodeURIComponent(accessToken)}`;
