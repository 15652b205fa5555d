import { useEffect, useRef, useState } from "react";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useSearchParams } from "react-router";
import { productsApi, type FacetCount, type SearchParams, type SortOrder } from "../api/products";
import { ProductGrid, ProductGridSkeleton } from "../components/ProductCard";
import { ErrorMessage } from "../components/Status";
import { Pager } from "../components/Pager";
import { usePageTitle } from "../components/usePageTitle";

const limit = 24;
const sorts: { value: SortOrder; label: string; needsText?: boolean }[] = [
  { value: "relevance", label: "Relevance", needsText: true },
  { value: "newest", label: "Newest" },
  { value: "best_selling", label: "Best selling" },
  { value: "price_asc", label: "Price: low to high" },
  { value: "price_desc", label: "Price: high to low" },
];

/**
 * Search results with facets, sort and "show more" (the service pages by cursor). The URL holds the query, so results
 * can be shared and Back works; facets come with the first page.
 */
export function CatalogPage() {
  usePageTitle("Catalog");
  const [params, setParams] = useSearchParams();
  const q = params.get("q") ?? undefined;
  const requested = params.get("sort") as SortOrder | null;
  // Relevance needs search text; without it the service's default is newest.
  const sort: SortOrder = requested && (requested !== "relevance" || q) ? requested : q ? "relevance" : "newest";
  const search: SearchParams = {
    q,
    category: params.get("category") ?? undefined,
    brand: params.get("brand") ?? undefined,
    inStock: params.get("inStock") === "true" || undefined,
    sort,
    limit,
  };
  const results = useInfiniteQuery({
    queryKey: ["products", "search", search],
    queryFn: ({ pageParam, signal }) => productsApi.search({ ...search, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next ?? undefined,
  });

  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next);
  };

  const facets = results.data?.pages[0]?.facets;
  const items = results.data?.pages.flatMap((p) => p.items) ?? [];
  const title = q ? `Results for “${q}”` : "Catalog";
  const drawer = useFilterDrawer();
  return (
    <div className="catalog">
      <h1>{title}</h1>
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
        <Facet name="Category" values={facets?.categories ?? []} selected={search.category} onChange={(v) => update({ category: v })} />
        <Facet name="Brand" values={facets?.brands ?? []} selected={search.brand} onChange={(v) => update({ brand: v })} />
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
            Filters{activeFilters(search) > 0 && ` (${activeFilters(search)})`}
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
        {results.isError ? (
          <ErrorMessage error={results.error} onRetry={() => void results.refetch()} />
        ) : results.data ? (
          items.length === 0 ? (
            <p>No products match. Try fewer filters or another word.</p>
          ) : (
            <>
              <ProductGrid products={items} label="Search results" />
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

const activeFilters = (s: SearchParams) => [s.category, s.brand, s.inStock].filter(Boolean).length;

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

function Facet({ name, values, selected, onChange }: { name: string; values: FacetCount[]; selected?: string; onChange: (value?: string) => void }) {
  if (values.length === 0 && !selected) return null;
  return (
    <fieldset className="facet">
      <legend>{name}</legend>
      <label className="check">
        <input type="radio" name={name} checked={!selected} onChange={() => onChange(undefined)} />
        Any
      </label>
      {values.map((v) => (
        <label key={v.slug} className="check">
          <input type="radio" name={name} checked={selected === v.slug} onChange={() => onChange(v.slug)} />
          {v.name} <span className="count">({v.count})</span>
        </label>
      ))}
    </fieldset>
  );
}
