import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useSearchParams } from "react-router";
import { productsApi, type FacetValue, type SearchParams, type SortOrder } from "../api/products";
import { ProductGrid, ProductGridSkeleton } from "../components/ProductCard";
import { ErrorMessage } from "../components/Status";
import { Pager } from "../components/Pager";

const pageSize = 24;
const sorts: { value: SortOrder; label: string }[] = [
  { value: "relevance", label: "Relevance" },
  { value: "price_asc", label: "Price: low to high" },
  { value: "price_desc", label: "Price: high to low" },
  { value: "name", label: "Name" },
  { value: "newest", label: "Newest" },
];

/** Search results with facets, sort and pages. The URL holds the whole state, so results can be shared and go back works. */
export function CatalogPage() {
  const [params, setParams] = useSearchParams();
  const search: SearchParams = {
    q: params.get("q") ?? undefined,
    category: params.get("category") ?? undefined,
    brand: params.get("brand") ?? undefined,
    inStock: params.get("inStock") === "true" || undefined,
    sort: (params.get("sort") as SortOrder | null) ?? "relevance",
    page: Number(params.get("page") ?? "1") || 1,
    pageSize,
  };
  const results = useQuery({
    queryKey: ["products", "search", search],
    queryFn: ({ signal }) => productsApi.search(search, signal),
    placeholderData: keepPreviousData,
  });

  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    if (!("page" in changes)) next.delete("page");
    setParams(next);
  };

  const title = search.q ? `Results for “${search.q}”` : "Catalog";
  return (
    <div className="catalog">
      <h1>{title}</h1>
      <aside className="filters" aria-label="Filters">
        <Facet name="Category" values={results.data?.facets.categories ?? []} selected={search.category} onChange={(v) => update({ category: v })} />
        <Facet name="Brand" values={results.data?.facets.brands ?? []} selected={search.brand} onChange={(v) => update({ brand: v })} />
        <label className="check">
          <input type="checkbox" checked={search.inStock ?? false} onChange={(e) => update({ inStock: e.target.checked ? "true" : undefined })} />
          In stock only
        </label>
      </aside>
      <section className="results" aria-busy={results.isFetching}>
        <div className="results-bar">
          <p role="status" aria-live="polite">
            {results.data ? `${results.data.total} ${results.data.total === 1 ? "product" : "products"}` : " "}
          </p>
          <label>
            Sort by{" "}
            <select value={search.sort} onChange={(e) => update({ sort: e.target.value === "relevance" ? undefined : e.target.value })}>
              {sorts.map((s) => (
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
          results.data.items.length === 0 ? (
            <p>No products match. Try fewer filters or another word.</p>
          ) : (
            <>
              <ProductGrid products={results.data.items} label="Search results" />
              <Pager page={results.data.page} pageSize={results.data.pageSize || pageSize} total={results.data.total} onPage={(p) => update({ page: String(p) })} />
            </>
          )
        ) : (
          <ProductGridSkeleton count={pageSize} />
        )}
      </section>
    </div>
  );
}

function Facet({ name, values, selected, onChange }: { name: string; values: FacetValue[]; selected?: string; onChange: (value?: string) => void }) {
  if (values.length === 0 && !selected) return null;
  return (
    <fieldset className="facet">
      <legend>{name}</legend>
      <label className="check">
        <input type="radio" name={name} checked={!selected} onChange={() => onChange(undefined)} />
        Any
      </label>
      {values.map((v) => (
        <label key={v.value} className="check">
          <input type="radio" name={name} checked={selected === v.value} onChange={() => onChange(v.value)} />
          {v.value} <span className="count">({v.count})</span>
        </label>
      ))}
    </fieldset>
  );
}
