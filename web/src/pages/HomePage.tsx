import { aiApi } from "../api/ai";
import { useAuth } from "../auth/AuthContext";
import { Collection, collectionSize, useHomeCollections } from "../components/home/Collection";
import { Hero } from "../components/home/Hero";
import { ProductGridSkeleton } from "../components/ProductCard";
import { RecommendedProducts } from "../components/RecommendedProducts";
import { visitorId } from "../state/visitor";
import { usePageTitle } from "../components/usePageTitle";

/**
 * The shop window: the banner, then the merchandised rows the back office manages (GET /api/products/collections:
 * "New in", "Gifts under £10" and "Best sellers" are seeded as rule collections), then the AI service's picks for this
 * visitor. While the list of rows loads, three rows' skeletons (the seeded number) hold the place.
 */
export function HomePage() {
  usePageTitle();
  const { user } = useAuth();
  const rows = useHomeCollections();
  return (
    <>
      <Hero />
      {rows.data
        ? rows.data.map((c) => <Collection key={c.slug} collection={c} />)
        : !rows.isError && [0, 1, 2].map((i) => <ProductGridSkeleton key={i} count={collectionSize} className="grid row-grid" />)}
      <RecommendedProducts title={user ? "Recommended for you" : "Popular right now"} queryKey={["for-me", user?.id ?? "visitor"]} load={() => aiApi.recommendedForMe(visitorId(), 8)} />
    </>
  );
}
