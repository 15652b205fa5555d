import { useState } from "react";
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { productsApi, type ProductSummary, productKeys } from "../catalog";
import { Money } from "../../shared/ui/Money";
import { ErrorMessage } from "../../shared/ui/Status";
import { ListSkeleton, EmptyState } from "../../shared/ui/ListStates";
import { useDebounced } from "../../shared/hooks/useDebounced";
import { ProductEditor } from "./ProductEditor";
import { StockPanel } from "./StockPanel";
import { Pager } from "../../shared/ui/Pager";
import { usePageTitle } from "../../shared/ui/usePageTitle";
import { adminProductKeys } from "./queryKeys";

type Panel = { kind: "edit"; id?: string } | { kind: "stock"; product: ProductSummary } | null;

/** The catalog as admins manage it. The list is the public search (active products); the editor reaches any product. */
export default function AdminProductsPage() {
  usePageTitle("Products · Admin");
  const client = useQueryClient();
  const [q, setQ] = useState("");
  const term = useDebounced(q.trim(), 250);
  const [panel, setPanel] = useState<Panel>(null);
  const list = useInfiniteQuery({
    queryKey: adminProductKeys.list(term),
    queryFn: ({ pageParam }) =>
      productsApi.search({ q: term.length >= 2 ? term : undefined, sort: term.length >= 2 ? "relevance" : "newest", limit: 50, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next ?? undefined,
  });
  const deactivate = useMutation({
    mutationFn: (p: ProductSummary) => productsApi.deactivate(p.id),
    onSuccess: () => client.invalidateQueries({ queryKey: productKeys.all }),
  });
  const items = list.data?.pages.flatMap((p) => p.items);

  return (
    <section>
      <h1>Products</h1>
      <div className="toolbar">
        <label>
          Find <input type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        </label>
        <button type="button" className="button" onClick={() => setPanel({ kind: "edit" })}>
          New product
        </button>
      </div>
      {panel?.kind === "edit" && <ProductEditor key={panel.id ?? "new"} id={panel.id} onDone={() => setPanel(null)} />}
      {panel?.kind === "stock" && <StockPanel key={panel.product.id} product={panel.product} onDone={() => setPanel(null)} />}
      {deactivate.isError && <ErrorMessage error={deactivate.error} />}
      {list.isError ? (
        <ErrorMessage error={list.error} onRetry={() => void list.refetch()} />
      ) : !items ? (
        <ListSkeleton rows={8} />
      ) : items.length === 0 ? (
        <EmptyState>No products match. Clear the search, or add a product with New product.</EmptyState>
      ) : (
        <>
          <table className="admin-table">
            <caption className="visually-hidden">Products</caption>
            <thead>
              <tr>
                <th scope="col">SKU</th>
                <th scope="col">Name</th>
                <th scope="col">Price</th>
                <th scope="col">Category</th>
                <th scope="col">Stock</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {items.map((p) => (
                <tr key={p.id}>
                  <td>{p.sku}</td>
                  <th scope="row">{p.name}</th>
                  <td>
                    <Money amount={p.price} currency={p.currency} />
                  </td>
                  <td>{p.category}</td>
                  <td>{p.inStock ? "In stock" : "Out of stock"}</td>
                  <td className="actions">
                    <button type="button" className="link-button" onClick={() => setPanel({ kind: "edit", id: p.id })}>
                      Edit<span className="visually-hidden"> {p.name}</span>
                    </button>
                    <button type="button" className="link-button" onClick={() => setPanel({ kind: "stock", product: p })}>
                      Stock<span className="visually-hidden"> of {p.name}</span>
                    </button>
                    <button type="button" className="link-button" onClick={() => deactivate.mutate(p)} disabled={deactivate.isPending}>
                      Deactivate<span className="visually-hidden"> {p.name}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager hasNext={list.hasNextPage} loading={list.isFetchingNextPage} onNext={() => void list.fetchNextPage()} />
        </>
      )}
    </section>
  );
}
