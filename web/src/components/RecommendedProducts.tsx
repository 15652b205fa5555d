import { useQuery } from "@tanstack/react-query";
import type { RecommendationList } from "../api/ai";
import { productsApi } from "../api/products";
import { ProductGrid, ProductGridSkeleton } from "./ProductCard";

/**
 * Shows AI recommendations (ids and scores) as product cards priced by the catalog. Recommendations are a bonus: when
 * the AI service is unavailable the section disappears instead of showing an error.
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
  if (products.isError || (products.data && products.data.length === 0)) return null;
  const headingId = `rec-${queryKey.join("-")}`;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      {products.data ? <ProductGrid products={products.data} label={title} /> : <ProductGridSkeleton />}
    </section>
  );
}
