import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { productsApi, type ProductSummary } from "../../api/products";
import { ErrorMessage, Loading } from "../../components/Status";

const reasons = ["Received", "Counted", "Damaged", "Returned", "Correction"];

/** Stock levels for one product and an adjustment form: a signed quantity and a reason, recorded by Products. */
export function StockPanel({ product, onDone }: { product: ProductSummary; onDone: () => void }) {
  const client = useQueryClient();
  const stock = useQuery({ queryKey: ["products", "stock", product.id], queryFn: () => productsApi.stock(product.id) });
  const [delta, setDelta] = useState(0);
  const [reason, setReason] = useState(reasons[0] ?? "");
  const adjust = useMutation({
    mutationFn: () => productsApi.adjustStock(product.id, { delta, reason }),
    onSuccess: (level) => {
      client.setQueryData(["products", "stock", product.id], level);
      void client.invalidateQueries({ queryKey: ["products", "admin"] });
      setDelta(0);
    },
  });
  return (
    <section className="panel" aria-labelledby="stock-heading">
      <h2 id="stock-heading">Stock: {product.name}</h2>
      {stock.isError ? (
        <ErrorMessage error={stock.error} />
      ) : !stock.data ? (
        <Loading />
      ) : (
        <>
          <p>
            On hand {stock.data.onHand} · reserved {stock.data.reserved} · available {stock.data.available}
          </p>
          <ul>
            {stock.data.adjustments.slice(0, 10).map((a, i) => (
              <li key={i}>
                {a.delta > 0 ? `+${a.delta}` : a.delta} — {a.reason}
                {a.at && ` (${new Date(a.at).toLocaleString("en-GB")})`}
              </li>
            ))}
          </ul>
        </>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          adjust.mutate();
        }}
      >
        <label>
          Change (+ or −){" "}
          <input type="number" step={1} value={delta} onChange={(e) => setDelta(Math.trunc(Number(e.target.value)))} required />
        </label>{" "}
        <label>
          Reason{" "}
          <select value={reason} onChange={(e) => setReason(e.target.value)}>
            {reasons.map((r) => (
              <option key={r}>{r}</option>
            ))}
          </select>
        </label>{" "}
        <button type="submit" className="button" disabled={delta === 0 || adjust.isPending}>
          Adjust stock
        </button>{" "}
        <button type="button" className="button secondary" onClick={onDone}>
          Close
        </button>
        {adjust.isError && <ErrorMessage error={adjust.error} />}
      </form>
    </section>
  );
}
