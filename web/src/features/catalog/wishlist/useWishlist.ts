import { useSyncExternalStore } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ApiError } from "../../../shared/api/http";
import { productsApi } from "../api/products";
import { wishlistApi, type Wishlist, type WishlistItem } from "./wishlistApi";
import { useAuth } from "../../../shared/auth/AuthContext";
import { clearLocalWishlist, localWishlist, maxWishlistItems, removeLocally, saveLocally, subscribeLocalWishlist } from "./localWishlist";
import { wishlistKeys } from "../queryKeys";

const useLocalIds = (): string[] => useSyncExternalStore(subscribeLocalWishlist, localWishlist, () => []);

/**
 * Once per signed-in customer: the list they kept in this browser before signing in joins their account's, then is
 * cleared here. Nothing is sent when the browser holds no list.
 */
export function useMergeWishlistOnSignIn() {
  const { user } = useAuth();
  const client = useQueryClient();
  const userId = user?.id;
  return useQuery({
    queryKey: wishlistKeys.merge(userId),
    queryFn: async () => {
      const ids = localWishlist();
      if (ids.length === 0) return { merged: 0 };
      const result = await wishlistApi.merge(ids.slice(0, maxWishlistItems));
      client.setQueryData(wishlistKeys.account(userId), result.wishlist);
      clearLocalWishlist();
      return { merged: ids.length - result.notSaved.length };
    },
    enabled: userId !== undefined,
    staleTime: Infinity,
    retry: 2,
  });
}

/** The account's list (for a customer, once the browser's list is merged). */
function useAccountWishlist() {
  const { user } = useAuth();
  const merged = useMergeWishlistOnSignIn();
  return useQuery({
    queryKey: wishlistKeys.account(user?.id),
    queryFn: wishlistApi.get,
    enabled: user !== null && (merged.isFetched || !merged.isEnabled),
    staleTime: 30_000,
  });
}

/** Which products are saved, and how many: the account's for a customer, this browser's for a visitor. */
export function useWishlistIds(): { ids: ReadonlySet<string>; count: number } {
  const { user } = useAuth();
  const local = useLocalIds();
  const account = useAccountWishlist();
  const ids = user ? (account.data?.items.map((i) => i.productId) ?? []) : local;
  return { ids: new Set(ids), count: ids.length };
}

/**
 * The list as the wishlist page shows it. A customer's comes from Users with price-drop and back-in-stock marks; a
 * visitor's is looked up in Products (live price and stock, no marks: nothing was recorded when it was saved).
 */
export function useWishlistItems() {
  const { user } = useAuth();
  const local = useLocalIds();
  const account = useAccountWishlist();
  const visitor = useQuery({
    queryKey: wishlistKeys.local(local),
    queryFn: async (): Promise<WishlistItem[]> => {
      const chunks = Array.from({ length: Math.ceil(local.length / 100) }, (_, i) => local.slice(i * 100, i * 100 + 100));
      const found = new Map((await Promise.all(chunks.map(productsApi.lookup))).flat().map((p) => [p.id, p]));
      return local.flatMap((id) => {
        const p = found.get(id);
        if (!p) return [];
        return [{
          productId: p.id, name: p.name, slug: p.slug, imageUrl: p.imageUrl ?? null, price: p.price, currency: p.currency,
          available: p.active && p.available > 0, active: p.active, savedAt: "", priceWhenSaved: p.price,
          priceDropped: false, oldPrice: null, backInStock: false,
        }];
      });
    },
    enabled: user === null && local.length > 0,
  });
  if (user) return { items: account.data?.items, isLoading: account.isLoading || !account.data, error: account.error, refetch: account.refetch };
  if (local.length === 0) return { items: [] as WishlistItem[], isLoading: false, error: null, refetch: visitor.refetch };
  return { items: visitor.data, isLoading: visitor.isLoading, error: visitor.error, refetch: visitor.refetch };
}

/** Saves or removes a product: in the account for a customer, in this browser for a visitor. */
export function useWishlistToggle() {
  const { user } = useAuth();
  const client = useQueryClient();
  const key = wishlistKeys.account(user?.id);
  const update = (change: (items: WishlistItem[]) => WishlistItem[]): void => {
    client.setQueryData<Wishlist>(key, (list) => (list ? { ...list, items: change(list.items) } : list));
  };
  return useMutation({
    mutationFn: async ({ productId, save }: { productId: string; save: boolean }): Promise<void> => {
      if (!user) {
        if (!save) return removeLocally(productId);
        if (!saveLocally(productId)) throw new Error(`Your wishlist is full: it keeps ${maxWishlistItems} products.`);
        return;
      }
      if (save) {
        const item = await wishlistApi.save(productId);
        return update((items) => [item, ...items.filter((i) => i.productId !== productId)]);
      }
      // Already gone (removed in another tab) is what was asked for.
      await wishlistApi.remove(productId).catch((e: unknown) => {
        if (!(e instanceof ApiError && e.status === 404)) throw e;
      });
      update((items) => items.filter((i) => i.productId !== productId));
    },
  });
}
