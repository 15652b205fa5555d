import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { cartApi, type CartView } from "./api";
import { useAuth } from "../../shared/auth/AuthContext";
import { cartKeys } from "./queryKeys";

/** Whose cart the keys name (`cartKeys.cart(owner)`): signing in switches to the customer's cart. */
export function useCartOwner(): string {
  const { user } = useAuth();
  return user?.id ?? "anonymous";
}

/** The server cart as Orders prices it now (for a customer, once the cart they filled before signing in is merged). */
export function useCart() {
  const owner = useCartOwner();
  const merged = useMergeCartOnSignIn();
  return useQuery({ queryKey: cartKeys.cart(owner), queryFn: cartApi.get, staleTime: 5_000, enabled: merged.isFetched || !merged.isEnabled });
}

/** The cart's quote for a destination and shipping method; refreshed whenever the cart changes. */
export function useQuote(enabled: boolean, country?: string, shippingMethod?: string, code?: string) {
  const owner = useCartOwner();
  const merged = useMergeCartOnSignIn();
  return useQuery({
    queryKey: cartKeys.quote(owner, country, shippingMethod, code),
    queryFn: () => cartApi.quote(country, shippingMethod, code),
    enabled: enabled && (merged.isFetched || !merged.isEnabled),
    retry: false,
  });
}

type CartChange = { kind: "add"; productId: string; quantity: number } | { kind: "set"; productId: string; quantity: number } | { kind: "remove"; productId: string };

/** Changes the cart on the server; the answer is the new cart, and every quote of the old one is dropped. */
export function useCartChange() {
  const client = useQueryClient();
  const owner = useCartOwner();
  return useMutation({
    mutationFn: (change: CartChange): Promise<CartView> =>
      change.kind === "add"
        ? cartApi.add(change.productId, change.quantity)
        : change.kind === "set"
          ? cartApi.setQuantity(change.productId, change.quantity)
          : cartApi.remove(change.productId),
    onSuccess: (cart) => {
      client.setQueryData(cartKeys.cart(owner), cart);
      void client.invalidateQueries({ queryKey: cartKeys.quotes(owner) });
    },
  });
}

/**
 * Once per signed-in customer: the cart they filled before signing in (named by its cookie) joins their own, so it
 * follows them to every device. Orders answers the customer's cart unchanged when there is nothing to merge.
 */
export function useMergeCartOnSignIn() {
  const { user } = useAuth();
  const client = useQueryClient();
  const userId = user?.id;
  return useQuery({
    queryKey: cartKeys.merge(userId),
    queryFn: async () => {
      const result = await cartApi.merge();
      client.setQueryData(cartKeys.cart(userId), result.cart);
      // A quote asked for before the merge priced the customer's cart without the merged lines.
      void client.invalidateQueries({ queryKey: cartKeys.quotes(userId) });
      return result;
    },
    enabled: userId !== undefined,
    staleTime: Infinity,
    retry: 2,
  });
}
