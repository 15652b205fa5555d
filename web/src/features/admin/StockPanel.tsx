import { useId, useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ApiError } from "../../shared/api/http";
import { productsApi, type ProductSummary } from "../catalog";
import { ErrorMessage, Loading, describeError } from "../../shared/ui/Status";
import { EmptyState, ListSkeleton } from "../../shared/ui/ListStates";
import { adminProductKeys } from "./queryKeys";

const reasons = ["Received", "Counted", "Damaged", "Returned", "Correction"];

/** Stock levels for one product, its recent adjustments, and a form for a signed change with a reason. */
export function StockPanel({ product, onDone }: { product: ProductSummary; onDone: () => void }) {
  const client = useQueryClient();
  const key = adminProductKeys.stock(product.id);
  const stock = useQuery({ queryKey: key, queryFn: () => productsApi.stock(product.id) });
  const history = useQuery({ queryKey: adminProductKeys.stockHistory(product.id), queryFn: () => productsApi.stockHistory(product.id) });
  const [delta, setDelta] = useState("");
  const [reason, setReason] = useState(reasons[0] ?? "");
  const ids = useId();
  // The level shown is only ever the server's: a refused change leaves it as it was (and re-reads it, in case
  // someone else moved it), and an accepted one shows what Products says is available after it.
  const adjust = useMutation({
    mutationFn: () => productsApi.adjustStock(product.id, Number(delta), reason),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: key });
      void client.invalidateQueries({ queryKey: adminProductKeys.all() });
      setDelta("");
    },
    onError: () => void client.invalidateQueries({ queryKey: key }),
  });
  const change = Number(delta);
  const refused = adjust.error instanceof ApiError ? (adjust.error.fieldError("delta") ?? adjust.error.fieldError("reason")) : undefined;
  return (
    <section className="panel" aria-labelledby="stock-heading">
      <h2 id="stock-heading">Stock: {product.name}</h2>
      {stock.isError ? (
        <ErrorMessage error={stock.error} />
      ) : !stock.data ? (
        <Loading />
      ) : (
        <p>
          Available {stock.data.available} · reserved {stock.data.reserved} · sold {stock.data.sold} · reorder at {stock.data.reorderLevel}
        </p>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          adjust.mutate();
        }}
      >
        <label>
          Change (+ or −){" "}
          <input
            type="number"
            step={1}
            value={delta}
            onChange={(e) => {
              setDelta(e.target.value);
              adjust.reset();
            }}
            required
            aria-invalid={refused ? true : undefined}
            aria-describedby={adjust.isError ? `${ids}-error` : undefined}
          />
        </label>{" "}
        <label>
          Reason{" "}
          <select value={reason} onChange={(e) => setReason(e.target.value)}>
            {reasons.map((r) => (
              <option key={r}>{r}</option>
            ))}
          </select>
        </label>{" "}
        <button type="submit" className="button" disabled={!Number.isInteger(change) || change === 0 || adjust.isPending}>
          Adjust stock
        </button>{" "}
        <button type="button" className="button secondary" onClick={onDone}>
          Close
        </button>
        {adjust.isError && (
          <div className="error" role="alert" id={`${ids}-error`}>
            <p>Stock not changed: {refused ?? describeError(adjust.error)}</p>
          </div>
        )}
        {adjust.isSuccess && (
          <p role="status">
            Stock changed by {adjust.data.delta > 0 ? `+${adjust.data.delta}` : adjust.data.delta}: {adjust.data.availableAfter} available.
          </p>
        )}
      </form>
      {/* The history is a help beside the form, so failing to read it is a note rather than an alert. */}
      {history.isError ? (
        <p className="notice">The recent adjustments could not be loaded: {describeError(history.error)}</p>
      ) : !history.data ? (
        <ListSkeleton rows={3} label="Loading the recent adjustments…" />
      ) : history.data.length === 0 ? (
        <EmptyState>No adjustments yet: the first stock change is listed here.</EmptyState>
      ) : (
        <table>
          <caption>Recent adjustments</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Change</th>
              <th scope="col">Reason</th>
              <th scope="col">By</th>
              <th scope="col">Available after</th>
            </tr>
          </thead>
          <tbody>
            {history.data.slice(0, 10).map((a) => (
              <tr key={a.id}>
                <td>{new Date(a.at).toLocaleString("en-GB")}</td>
                <td>{a.delta > 0 ? `+${a.delta}` : a.delta}</td>
                <td>{a.reason}</td>
                <td>{a.actor}</td>
                <td>{a.availableAfter}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
