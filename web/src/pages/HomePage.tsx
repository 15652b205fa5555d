import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { aiApi } from "../api/ai";
import { productsApi } from "../api/products";
import { useAuth } from "../auth/AuthContext";
import { ProductGrid, ProductGridSkeleton } from "../components/ProductCard";
import { RecommendedProducts } from "../components/RecommendedProducts";
import { ErrorMessage } from "../components/Status";
import { visitorId } from "../state/visitor";
import { usePageTitle } from "../components/usePageTitle";

export function HomePage() {
  usePageTitle();
  const { user } = useAuth();
  const featured = useQuery({ queryKey: ["products", "featured"], queryFn: () => productsApi.featured(8) });
  return (
    <>
      <section className="hero">
        <h1>Everything for the home, delivered</h1>
        <p>
          <Link to="/catalog" className="button">
            Browse the catalog
          </Link>
        </p>
      </section>
      <section aria-labelledby="featured-heading">
        <h2 id="featured-heading">Featured</h2>
        {featured.isError ? (
          <ErrorMessage error={featured.error} onRetry={() => void featured.refetch()} />
        ) : featured.data ? (
          <ProductGrid products={featured.data} label="Featured products" />
        ) : (
          <ProductGridSkeleton count={8} />
        )}
      </section>
      <RecommendedProducts title={user ? "Recommended for you" : "Popular right now"} queryKey={["for-me", user?.id ?? "visitor"]} load={() => aiApi.recommendedForMe(visitorId(), 8)} />
    </>
  );
}
