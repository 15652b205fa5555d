import { useState } from "react";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { productsApi, type ProductSummary } from "../../api/products";
import { Money } from "../../components/Money";
import { Pager } from "../../components/Pager";
import { ErrorMessage, Loading } from "../../components/Status";
import { ProductEditor } from "./ProductEditor";
import { StockPanel } from "./StockPanel";

type Panel = { kind: "edit"; id?: string } | { kind: "stock"; product: ProductSummary } | null;

export default function AdminProductsPage() {
  const client = useQueryClient();
  const [q, setQ] = useState("");
  const [page, setPage] = useState(1);
  const [panel, setPanel] = useState<Panel>(null);
  const list = useQuery({
    queryKey: ["products", "admin", q, page],
    queryFn: () => productsApi.search({ q: q || undefined, page, pageSize: 20, includeInactive: true, sort: "name" }),
    placeholderData: keepPreviousData,
  });
  const toggle = useMutation({
    mutationFn: (p: ProductSummary) => (p.active ? productsApi.deactivate(p.id) : productsApi.activate(p.id)),
    onSuccess: () => client.invalidateQueries({ queryKey: ["products"] }),
  });

  return (
    <section>
      <h1>Products</h1>
      <div className="toolbar">
        <label>
          Find{" "}
          <input
            type="search"
            value={q}
            onChange={(e) => {
              setQ(e.target.value);
              setPage(1);
            }}
          />
        </label>
        <button type="button" className="button" onClick={() => setPanel({ kind: "edit" })}>
          New product
        </button>
      </div>
      {panel?.kind === "edit" && <ProductEditor id={panel.id} onDone={() => setPanel(null)} />}
      {panel?.kind === "stock" && <StockPanel product={panel.product} onDone={() => setPanel(null)} />}
      {list.isError ? (
        <ErrorMessage error={list.error} onRetry={() => void list.refetch()} />
      ) : !list.data ? (
        <Loading />
      ) : (
        <>
          <table className="admin-table">
            <caption className="visually-hidden">Products</caption>
            <thead>
              <tr>
                <th scope="col">SKU</th>
                <th scope="col">Name</th>
                <th scope="col">Price</th>
                <th scope="col">Available</th>
                <th scope="col">State</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((p) => (
                <tr key={p.id}>
                  <td>{p.sku}</td>
                  <th scope="row">{p.name}</th>
                  <td>
                    <Money amount={p.price} currency={p.currency} />
                  </td>
                  <td>{p.available}</td>
                  <td>{p.active ? "Active" : "Inactive"}</td>
                  <td className="actions">
                    <button type="button" className="link-button" onClick={() => setPanel({ kind: "edit", id: p.id })}>
                      Edit<span className="visually-hidden"> {p.name}</span>
                    </button>
                    <button type="button" className="link-button" onClick={() => setPanel({ kind: "stock", product: p })}>
                      Stock<span className="visually-hidden"> of {p.name}</span>
                    </button>
                    <button type="button" className="link-button" onClick={() => toggle.mutate(p)} disabled={toggle.isPending}>
                      {p.active ? "Deactivate" : "Activate"}
                      <span className="visually-hidden"> {p.name}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager page={list.data.page} pageSize={list.data.pageSize || 20} total={list.data.total} onPage={setPage} />
        </>
      )}
      {toggle.isError && <ErrorMessage error={toggle.error} />}
    </section>
  );
}
