import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { productsApi, searchQuery, type SearchParams } from "../../api/products";
import { ProductGrid, ProductGridSkeleton } from "../ProductCard";
import { ErrorMessage } from "../Status";

/** A merchandised row on the home page: one catalog search, shown as a row of cards, with the whole list a link away. */
export interface CollectionDefinition {
  id: string;
  title: string;
  search: Pick<SearchParams, "sort" | "maxPrice" | "minPrice" | "category" | "inStock">;
}

/** As many cards as a row holds at the widest (two rows of two on a phone). */
export const collectionSize = 4;

export const homeCollections: CollectionDefinition[] = [
  { id: "new-in", title: "New in", search: { sort: "newest" } },
  { id: "gifts-under-10", title: "Gifts under £10", search: { maxPrice: 10, sort: "best_selling" } },
  { id: "best-sellers", title: "Best sellers", search: { sort: "best_selling" } },
];

/** "See all" opens the catalog with the row's own query. */
export const seeAllHref = (c: CollectionDefinition) => `/catalog${searchQuery(c.search)}`;

/**
 * The skeleton is a row of cards of the real cards' size, so the rows below stay put when the products arrive. A
 * collection that comes back empty (nothing under £10 today) is left out rather than shown as an empty shelf.
 */
export function Collection({ collection }: { collection: CollectionDefinition }) {
  const products = useQuery({
    queryKey: ["products", "collection", collection.search],
    queryFn: ({ signal }) => productsApi.search({ ...collection.search, limit: collectionSize }, signal),
    staleTime: 60_000,
  });
  if (products.data?.items.length === 0) return null;
  const headingId = `collection-${collection.id}`;
  return (
    <section aria-labelledby={headingId} className="collection">
      <div className="collection-head">
        <h2 id={headingId}>{collection.title}</h2>
        <Link to={seeAllHref(collection)} aria-label={`See all ${collection.title}`}>
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
