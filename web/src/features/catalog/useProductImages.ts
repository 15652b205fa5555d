import { useQuery } from "@tanstack/react-query";
import { productsApi } from "./api/products";
import { productKeys } from "./queryKeys";

/**
 * The current card image of each product, for lists that do not carry one (an order's lines record what was bought,
 * not how it looked). One lookup for the whole list, kept ten minutes; a missing picture is an empty box, never an error.
 */
export function useProductImages(productIds: string[]): Map<string, string | null> {
  const ids = [...new Set(productIds)].sort();
  const lookup = useQuery({
    queryKey: productKeys.images(ids),
    queryFn: () => productsApi.lookup(ids),
    enabled: ids.length > 0,
    staleTime: 10 * 60_000,
    retry: false,
  });
  return new Map((lookup.data ?? []).map((p) => [p.id, p.imageUrl]));
}
