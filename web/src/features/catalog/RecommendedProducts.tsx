import { useQuery } from "@tanstack/react-query";
import type { RecommendationList } from "./api/ai";
import { productsApi } from "./api/products";
import { ProductGrid, ProductGridSkeleton } from "./ProductCard";
import { recommendationKeys, type RecommendationKey } from "./queryKeys";

/** Where a list came from (the AI service's `source`): a trained model, the model's best-sellers, or the no-model fallback. */
export type RecommendationSource = "model" | "popular" | "fallback";

/** What the section is called, and the line under the title saying what the list is, for one source. */
export type SectionLabel = { title: string; note: string };

/**
 * Shows AI recommendations (ids and scores) as product cards priced by the catalog, titled and labelled by what the
 * list really is. A section shows only the sources it names in `labels`: "Bought together" names only `model`, so a
 * product nobody bought with anything shows no section rather than best-sellers under that title. Recommendations are
 * a bonus: an unnamed source, an empty list or an unavailable AI service hides the section.
 */
export function RecommendedProducts({ queryKey, load, labels }: {
  queryKey: RecommendationKey;
  load: () => Promise<RecommendationList>;
  labels: Partial<Record<RecommendationSource, SectionLabel>>;
}) {
  const recommended = useQuery({
    queryKey: recommendationKeys.list(queryKey),
    queryFn: async () => {
      const list = await load();
      if (!(list.source in labels) || list.items.length === 0) return { source: list.source, products: [] };
      const found = await productsApi.lookup(list.items.map((r) => r.productId));
      const byId = new Map(found.map((p) => [p.id, p]));
      const products = list.items.flatMap((r) => {
        const p = byId.get(r.productId);
        return p && p.active ? [p] : [];
      });
      return { source: list.source, products };
    },
    retry: false,
    staleTime: 60_000,
  });
  const headingId = `rec-${queryKey.join("-")}`;
  const label = recommended.data ? labels[recommended.data.source as RecommendationSource] : undefined;
  if (recommended.isPending) {
    // The title the section has when it can be filled honestly; the skeleton keeps the place meanwhile.
    const expected = labels.model ?? Object.values(labels)[0];
    return (
      <section aria-labelledby={headingId} aria-busy="true">
        <h2 id={headingId}>{expected?.title}</h2>
        <ProductGridSkeleton />
      </section>
    );
  }
  if (!label || !recommended.data || recommended.data.products.length === 0) return null;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{label.title}</h2>
      <p className="muted">{label.note}</p>
      <ProductGrid products={recommended.data.products} label={label.title} />
    </section>
  );
}
