import { useInfiniteQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import { ApiError } from "../../shared/api/http";
import { productsApi } from "./api/products";
import { Breadcrumbs } from "./navigation/Breadcrumbs";
import { ProductGrid, ProductGridSkeleton } from "./ProductCard";
import { Pager } from "../../shared/ui/Pager";
import { ErrorMessage } from "../../shared/ui/Status";
import { usePageTitle } from "../../shared/ui/usePageTitle";
import { productKeys } from "./queryKeys";

const limit = 24;

/** A collection's own page: its title, description and products, a page at a time (the service's cursor). */
export default function CollectionPage() {
  const { slug = "" } = useParams();
  const pages = useInfiniteQuery({
    queryKey: productKeys.collectionPage(slug),
    queryFn: ({ pageParam, signal }) => productsApi.collection(slug, { cursor: pageParam, limit }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next ?? undefined,
  });
  const collection = pages.data?.pages[0]?.collection;
  const notFound = pages.error instanceof ApiError && pages.error.status === 404;
  usePageTitle(collection?.title ?? (notFound ? "Collection not found" : undefined));
  if (notFound) {
    return (
      <section className="panel">
        <h1>Collection not found</h1>
        <p>It may have ended.</p>
        <p>
          <Link to="/catalog">Browse the catalog</Link>
        </p>
      </section>
    );
  }
  const items = pages.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section className="collection-page">
      <Breadcrumbs crumbs={[{ label: "Home", to: "/" }, { label: collection?.title ?? "Collection" }]} />
      <h1>{collection?.title ?? " "}</h1>
      {collection?.description && <p className="description">{collection.description}</p>}
      {pages.isError ? (
        <ErrorMessage error={pages.error} onRetry={() => void pages.refetch()} />
      ) : pages.data ? (
        items.length === 0 ? (
          <p>Nothing in this collection today. <Link to="/catalog">Browse the catalog</Link>.</p>
        ) : (
          <>
            <ProductGrid products={items} label={collection?.title ?? "Collection"} eager={4} />
            <Pager hasNext={pages.hasNextPage} loading={pages.isFetchingNextPage} onNext={() => void pages.fetchNextPage()} />
          </>
        )
      ) : (
        <ProductGridSkeleton count={8} />
      )}
    </section>
  );
}
