import { useSyncExternalStore } from "react";
import { useQuery } from "@tanstack/react-query";
import { productsApi } from "../api/products";
import { cartStore, type CartLine } from "./cartStore";
import { priceCart, type CartTotals } from "./pricing";

export function useCartLines(): readonly CartLine[] {
  return useSyncExternalStore(cartStore.subscribe, cartStore.getLines, cartStore.getLines);
}

/** The cart priced with the catalog's current prices and availability (Products lookup). */
export function usePricedCart(): CartTotals & { isLoading: boolean; error: Error | null } {
  const lines = useCartLines();
  const ids = lines.map((l) => l.productId).sort();
  const lookup = useQuery({
    queryKey: ["products", "lookup", ids],
    queryFn: () => productsApi.lookup(ids),
    enabled: ids.length > 0,
    staleTime: 10_000,
  });
  return { ...priceCart(lines, ids.length === 0 ? [] : lookup.data), isLoading: lookup.isLoading, error: lookup.error };
}
