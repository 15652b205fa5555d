import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { productsApi, type CollectionItem } from "../api/products";
import { ProductGrid, ProductGridSkeleton } from "../ProductCard";
import { ErrorMessage } from "../../../shared/ui/Status";
import { productKeys } from "../queryKeys";

/** As many cards as a row holds at the widest (two rows of two on a phone). */
export const collectionSize = 4;

export const collectionHref = (c: Pick<CollectionItem, "slug">) => `/collections/${encodeURIComponent(c.slug)}`;

/** The home page's rows, managed in the back office (/admin/collections): shown on home, in their order. */
export const useHomeCollections = () => useQuery({ queryKey: productKeys.homeCollections(), queryFn: productsApi.homeCollections, staleTime: 60_000 });

/**
 * A merchandised row on the home page: the collection's first products (the service runs a rule collection through
 * the catalog search, a manual one in its own order), with the whole collection a link away. The skeleton is a row of
 * cards of the real cards' size, so the rows below stay put when the products arrive. A collection that comes back
 * empty (nothing under £10 today) is left out rather than shown as an empty shelf.
 */
export function Collection({ collection }: { collection: CollectionItem }) {
  const products = useQuery({
    queryKey: productKeys.collection(collection.slug, collectionSize),
    queryFn: ({ signal }) => productsApi.collection(collection.slug, { limit: collectionSize }, signal),
    staleTime: 60_000,
  });
  if (products.data?.items.length === 0) return null;
  const headingId = `collection-${collection.slug}`;
  return (
    <section aria-labelledby={headingId} className="collection">
      <div className="collection-head">
        <h2 id={headingId}>{collection.title}</h2>
        <Link to={collectionHref(collection)} aria-label={`See all ${collection.title}`}>
          See all
        </Link>
      </div>
      {products.isError ? (
        <ErrorMessage error={products.error} onRetry={() => void products.refetch()} />
      ) : products.data ? (
        <ProductGrid products={products.data.items.slice(0, collectionSize)} label={collection.title} className="grid row-grid" />
      ) : (
        <ProductGridSkeleton count={collectionSize} className="grid row-grid" />
      )}
    </section>
  );
}
