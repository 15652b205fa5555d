import { useEffect, useRef, useState } from "react";
import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { useLatestSearchParams } from "../../shared/hooks/useLatestSearchParams";
import { productsApi, type DidYouMean, type FacetCount, type SearchParams, type SortOrder } from "./api/products";
import { ActiveFilters, type ActiveFilter } from "./filters/ActiveFilters";
import { FacetGroup } from "./filters/FacetGroup";
import { CategoryBreadcrumbs } from "./navigation/Breadcrumbs";
import { RatingFacet, minRatingFrom, ratingFilterLabel } from "./filters/RatingFacet";
import { ProductGrid, ProductGridSkeleton } from "./ProductCard";
import { ErrorMessage } from "../../shared/ui/Status";
import { Pager } from "../../shared/ui/Pager";
import { usePageTitle } from "../../shared/ui/usePageTitle";
import { productKeys } from "./queryKeys";

const limit = 24;
/** The multi-select facets the URL repeats (`colour=blue&colour=red`). */
type Facet = "category" | "brand" | "colour" | "size";
const sorts: { value: SortOrder; label: string; needsText?: boolean }[] = [
  { value: "relevance", label: "Relevance", needsText: true },
  { value: "newest", label: "Newest" },
  { value: "best_selling", label: "Best selling" },
  { value: "top_rated", label: "Top rated" },
  { value: "price_asc", label: "Price: low to high" },
  { value: "price_desc", label: "Price: high to low" },
];

/**
 * Search results with facets, sort and "show more" (the service pages by cursor). The URL holds the query, every facet
 * value included (`category=a&category=b`), so results can be shared and Back works; facets come with the first page.
 * While a new query loads, the previous page and its facets stay on screen (placeholder data), so the facet groups are
 * never unmounted and the checkbox just toggled keeps the keyboard focus.
 */
/** A price bound from the URL: a non-negative number, else none (the service would refuse anything else). */
const price = (value: string | null): number | undefined => {
  const n = value === null || value.trim() === "" ? NaN : Number(value);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
};

export function CatalogPage() {
  usePageTitle("Catalog");
  const [params, setParams] = useLatestSearchParams();
  const q = params.get("q") ?? undefined;
  const requested = params.get("sort") as SortOrder | null;
  // Relevance needs search text; without it the service's default is newest.
  const sort: SortOrder = requested && (requested !== "relevance" || q) ? requested : q ? "relevance" : "newest";
  const categories = params.getAll("category");
  const brands = params.getAll("brand");
  const colours = params.getAll("colour");
  const sizes = params.getAll("size");
  const search: SearchParams = {
    q,
    // Sorted, so the same choices in another order share a cache entry here as they do in the service.
    category: [...categories].sort(),
    brand: [...brands].sort(),
    colour: [...colours].sort(),
    size: [...sizes].sort(),
    inStock: params.get("inStock") === "true" || undefined,
    // A price band from a link (the home page's "Gifts under £10"); shown as a chip the shopper can remove.
    minPrice: price(params.get("minPrice")),
    maxPrice: price(params.get("maxPrice")),
    minRating: minRatingFrom(params.get("minRating")),
    sort,
    limit,
  };
  const results = useInfiniteQuery({
    queryKey: productKeys.search(search),
    queryFn: ({ pageParam, signal }) => productsApi.search({ ...search, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next ?? undefined,
    placeholderData: keepPreviousData,
  });

  // Updates start from the latest URL asked for: two quick toggles both land, whatever has rendered in between.
  const update = (changes: Record<string, string | undefined>) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      for (const [key, value] of Object.entries(changes)) {
        if (value) next.set(key, value);
        else next.delete(key);
      }
      return next;
    });
  const setValues = (field: Facet, change: (values: string[]) => string[]) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      const values = change(next.getAll(field));
      next.delete(field);
      for (const value of values) next.append(field, value);
      return next;
    });
  const toggle = (field: Facet) => (slug: string, on: boolean) =>
    setValues(field, (values) => (on ? [...values.filter((v) => v !== slug), slug] : values.filter((v) => v !== slug)));

  const facets = results.data?.pages[0]?.facets;
  const didYouMean = results.isPlaceholderData ? undefined : results.data?.pages[0]?.didYouMean;
  const items = results.data?.pages.flatMap((p) => p.items) ?? [];
  const title = q ? `Results for “${q}”` : "Catalog";
  const drawer = useFilterDrawer();
  const heading = useRef<HTMLHeadingElement>(null);
  const named = (list: FacetCount[] | undefined, slug: string) => list?.find((v) => v.slug === slug)?.name ?? slug;
  const chips: ActiveFilter[] = [
    ...categories.map((slug) => ({ key: `category:${slug}`, label: named(facets?.categories, slug), remove: () => toggle("category")(slug, false) })),
    ...brands.map((slug) => ({ key: `brand:${slug}`, label: named(facets?.brands, slug), remove: () => toggle("brand")(slug, false) })),
    ...colours.map((slug) => ({ key: `colour:${slug}`, label: named(facets?.colours, slug), remove: () => toggle("colour")(slug, false) })),
    ...sizes.map((slug) => ({ key: `size:${slug}`, label: `Size ${named(facets?.sizes, slug)}`, remove: () => toggle("size")(slug, false) })),
    ...(search.inStock ? [{ key: "inStock", label: "In stock only", remove: () => update({ inStock: undefined }) }] : []),
    ...(search.minPrice !== undefined ? [{ key: "minPrice", label: `From £${search.minPrice}`, remove: () => update({ minPrice: undefined }) }] : []),
    ...(search.maxPrice !== undefined ? [{ key: "maxPrice", label: `Up to £${search.maxPrice}`, remove: () => update({ maxPrice: undefined }) }] : []),
    ...(search.minRating !== undefined ? [{ key: "minRating", label: ratingFilterLabel(search.minRating), remove: () => update({ minRating: undefined }) }] : []),
  ];
  return (
    <div className="catalog">
      <div className="catalog-title">
        {/* Filtered by one category: where it sits in the tree, each step a link up (its slot keeps its height while the tree loads). */}
        {categories.length === 1 && (
          <div className="crumb-slot">
            <CategoryBreadcrumbs category={categories[0]!} />
          </div>
        )}
        <h1 ref={heading} tabIndex={-1}>
          {title}
        </h1>
      </div>
      {/* On a phone the products come first: the filters wait in a drawer that the "Filters" button opens. */}
      <aside
        id="catalog-filters"
        ref={drawer.panel}
        className={`filters${drawer.open ? " open" : ""}`}
        aria-label="Filters"
        tabIndex={-1}
        onKeyDown={(e) => {
          if (e.key === "Escape") drawer.close();
        }}
      >
        <div className="drawer-head">
          <h2>Filters</h2>
          <button type="button" className="button" onClick={drawer.close}>
            {facets ? `Show ${facets.total} ${facets.total === 1 ? "product" : "products"}` : "Close"}
          </button>
        </div>
        <FacetGroup
          legend="Category"
          name="category"
          options={facets?.categories ?? []}
          selected={categories}
          onToggle={toggle("category")}
          onClear={() => setValues("category", () => [])}
        />
        <FacetGroup legend="Brand" name="brand" options={facets?.brands ?? []} selected={brands} onToggle={toggle("brand")} onClear={() => setValues("brand", () => [])} />
        {/* Variants' options: a family shows once, by its variant that has the value. Sizes in the service's order. */}
        <FacetGroup legend="Colour" name="colour" options={facets?.colours ?? []} selected={colours} onToggle={toggle("colour")} onClear={() => setValues("colour", () => [])} />
        <FacetGroup legend="Size" name="size" options={facets?.sizes ?? []} selected={sizes} onToggle={toggle("size")} onClear={() => setValues("size", () => [])} ordered />
        <RatingFacet options={facets?.ratings ?? []} selected={search.minRating} onChange={(n) => update({ minRating: n?.toString() })} />
        <label className="check">
          <input type="checkbox" checked={search.inStock ?? false} onChange={(e) => update({ inStock: e.target.checked ? "true" : undefined })} />
          In stock only
        </label>
      </aside>
      <section className="results" aria-busy={results.isFetching}>
        <div className="results-bar">
          <button
            ref={drawer.toggle}
            type="button"
            className="button secondary filters-toggle"
            aria-expanded={drawer.open}
            aria-controls="catalog-filters"
            onClick={drawer.show}
          >
            Filters{chips.length > 0 && ` (${chips.length})`}
          </button>
          <p role="status" aria-live="polite">
            {facets ? `${facets.total} ${facets.total === 1 ? "product" : "products"}` : " "}
          </p>
          <label>
            Sort by{" "}
            <select value={sort} onChange={(e) => update({ sort: e.target.value })}>
              {sorts
                .filter((s) => !s.needsText || q)
                .map((s) => (
                  <option key={s.value} value={s.value}>
                    {s.label}
                  </option>
                ))}
            </select>
          </label>
        </div>
        <ActiveFilters
          filters={chips}
          fallback={heading}
          onClearAll={() => update({ category: undefined, brand: undefined, colour: undefined, size: undefined, inStock: undefined, minPrice: undefined, maxPrice: undefined, minRating: undefined })}
        />
        {didYouMean && <DidYouMeanLink suggestion={didYouMean} params={params} />}
        {results.isError ? (
          <ErrorMessage error={results.error} onRetry={() => void results.refetch()} />
        ) : results.data ? (
          items.length === 0 ? (
            <p>No products match. Try fewer filters or another word.</p>
          ) : (
            <>
              <ProductGrid products={items} label="Search results" eager={4} />
              <Pager hasNext={results.hasNextPage} loading={results.isFetchingNextPage} onNext={() => void results.fetchNextPage()} />
            </>
          )
        ) : (
          <ProductGridSkeleton count={limit} />
        )}
      </section>
    </div>
  );
}

/** "Did you mean …?": the service's corrected query, with the shopper's other filters kept. */
function DidYouMeanLink({ suggestion, params }: { suggestion: DidYouMean; params: URLSearchParams }) {
  const next = new URLSearchParams(params);
  next.set("q", suggestion.query);
  return (
    <p className="did-you-mean">
      Did you mean <Link to={`/catalog?${next.toString()}`}>{suggestion.query}</Link>?{" "}
      <span className="count">
        ({suggestion.total} {suggestion.total === 1 ? "product" : "products"})
      </span>
    </p>
  );
}

/** The phone's filter drawer: focus moves into it when it opens and back to its button when it closes. */
function useFilterDrawer() {
  const [open, setOpen] = useState(false);
  const [closedByUser, setClosedByUser] = useState(false);
  const panel = useRef<HTMLElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (open) panel.current?.focus();
    else if (closedByUser) toggle.current?.focus();
  }, [open, closedByUser]);
  return {
    open,
    panel,
    toggle,
    show: () => {
      setClosedByUser(false);
      setOpen(true);
    },
    close: () => {
      setClosedByUser(true);
      setOpen(false);
    },
  };
}
