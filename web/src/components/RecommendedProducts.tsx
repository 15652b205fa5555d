import { useQuery } from "@tanstack/react-query";
import type { RecommendationList } from "../api/ai";
import { productsApi } from "../api/products";
import { ProductGrid, ProductGridSkeleton } from "./ProductCard";

/**
 * Shows AI recommendations (ids and scores) as product cards priced by the catalog. Recommendations are a bonus: when
 * there are none, or the AI service is unavailable, a short note takes the skeleton's place at the skeleton's height
 * instead of an error, so nothing below the section jumps when the answer arrives.
 */
export function RecommendedProducts({ title, queryKey, load }: { title: string; queryKey: readonly unknown[]; load: () => Promise<RecommendationList> }) {
  const products = useQuery({
    queryKey: ["recommended", ...queryKey],
    queryFn: async () => {
      const recommendations = (await load()).items;
      const found = await productsApi.lookup(recommendations.map((r) => r.productId));
      const byId = new Map(found.map((p) => [p.id, p]));
      return recommendations.flatMap((r) => {
        const p = byId.get(r.productId);
        return p && p.active ? [p] : [];
      });
    },
    retry: false,
    staleTime: 60_000,
  });
  const headingId = `rec-${queryKey.join("-")}`;
  const empty = products.isError || products.data?.length === 0;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      {empty ? (
        <p className="grid-empty">No suggestions yet.</p>
      ) : products.data ? (
        <ProductGrid products={products.data} label={title} />
      ) : (
        <ProductGridSkeleton />
      )}
    </section>
  );
}
