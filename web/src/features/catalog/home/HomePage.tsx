import { aiApi } from "../api/ai";
import { useAuth } from "../../../shared/auth/AuthContext";
import { Collection, collectionSize, useHomeCollections } from "./Collection";
import { Hero } from "./Hero";
import { ProductGridSkeleton } from "../ProductCard";
import { RecommendedProducts } from "../RecommendedProducts";
import { visitorId } from "../../../shared/hooks/visitor";
import { usePageTitle } from "../../../shared/ui/usePageTitle";
import { recommendationKeys } from "../queryKeys";

// Each answer titled by what it is: personal only when the model ranked this customer's history.
const forMeLabels = {
  model: { title: "Recommended for you", note: "Picked for you from what you bought before." },
  popular: { title: "Popular right now", note: "Best-sellers, led by the categories you have been looking at." },
  fallback: { title: "Popular right now", note: "The shop's best-sellers of the last 90 days." },
};

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
      <RecommendedProducts queryKey={recommendationKeys.forMe(user?.id)} load={() => aiApi.recommendedForMe(visitorId(), 8)} labels={forMeLabels} />
    </>
  );
}
