import { aiApi } from "../api/ai";
import { useAuth } from "../auth/AuthContext";
import { Collection, homeCollections } from "../components/home/Collection";
import { Hero } from "../components/home/Hero";
import { RecommendedProducts } from "../components/RecommendedProducts";
import { visitorId } from "../state/visitor";
import { usePageTitle } from "../components/usePageTitle";

/**
 * The shop window: the banner, then merchandised rows from the catalog search (new in, gifts under £10, best
 * sellers; the best sellers row took the place of the old "Featured" shelf, which was the same search), then the AI
 * service's picks for this visitor.
 */
export function HomePage() {
  usePageTitle();
  const { user } = useAuth();
  return (
    <>
      <Hero />
      {homeCollections.map((c) => (
        <Collection key={c.id} collection={c} />
      ))}
      <RecommendedProducts title={user ? "Recommended for you" : "Popular right now"} queryKey={["for-me", user?.id ?? "visitor"]} load={() => aiApi.recommendedForMe(visitorId(), 8)} />
    </>
  );
}
