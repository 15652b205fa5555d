// An anonymous visitor's wishlist: product ids in this browser's localStorage, newest first, until they sign in and it
// is merged into their account (POST /api/users/me/wishlist/merge), then cleared. Capped like the account's list.

const key = "ecommerce.wishlist.v1";

/** The most a wishlist keeps (Users' WishlistItem.MaxPerUser, also the most one merge may send). */
export const maxWishlistItems = 200;

const listeners = new Set<() => void>();
const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
let cached: { raw: string | null; ids: string[] } = { raw: null, ids: [] };

function storage(): Storage | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    return null; // storage blocked (private mode, a strict policy): the list lives for this page only
  }
}

/** The saved ids, newest first. The same array until the list changes, as useSyncExternalStore needs. */
export function localWishlist(): string[] {
  const raw = storage()?.getItem(key) ?? null;
  if (raw === cached.raw) return cached.ids;
  let ids: string[] = [];
  try {
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    // Whatever another script or an old version left there, only well-formed ids are kept, once each.
    if (Array.isArray(parsed)) ids = [...new Set(parsed.filter((id): id is string => typeof id === "string" && guid.test(id)))].slice(0, maxWishlistItems);
  } catch {
    ids = [];
  }
  cached = { raw, ids };
  return ids;
}

function write(ids: string[]): void {
  storage()?.setItem(key, JSON.stringify(ids));
  listeners.forEach((notify) => notify());
}

/** Saves a product (first in the list); a full list keeps its oldest and refuses, answering false. */
export function saveLocally(productId: string): boolean {
  const ids = localWishlist();
  if (ids.includes(productId)) return true;
  if (ids.length >= maxWishlistItems) return false;
  write([productId, ...ids]);
  return true;
}

export function removeLocally(productId: string): void {
  write(localWishlist().filter((id) => id !== productId));
}

/** After a merge: the account holds the list now. */
export function clearLocalWishlist(): void {
  storage()?.removeItem(key);
  listeners.forEach((notify) => notify());
}

/** For useSyncExternalStore: changes here and in other tabs (the storage event). */
export function subscribeLocalWishlist(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (e: StorageEvent): void => {
    if (e.key === key || e.key === null) listener();
  };
  window.addEventListener("storage", onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", onStorage);
  };
}
