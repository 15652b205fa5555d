import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { ordersApi, type ShippingMethod } from "../orders";
import { ErrorMessage } from "../../shared/ui/Status";
import { ListSkeleton, EmptyState } from "../../shared/ui/ListStates";
import { ShippingMethodEditor } from "./ShippingMethodEditor";
import { usePageTitle } from "../../shared/ui/usePageTitle";
import { adminOrderKeys } from "./queryKeys";

type Panel = { method?: ShippingMethod } | null;

const rate = (m: ShippingMethod): string =>
  m.rateKind === "Flat"
    ? `Flat ${m.flatFee.toFixed(2)}`
    : `${m.rateKind === "PriceBand" ? "By value" : "By weight"}: ${m.bands.map((b) => `up to ${b.upTo}${m.rateKind === "WeightBand" ? " g" : ""} → ${b.fee.toFixed(2)}`).join("; ")}`;

/** The shipping methods as the back office manages them: zones, rates, free-over threshold, delivery days. */
export default function AdminShippingPage() {
  usePageTitle("Shipping · Admin");
  const [panel, setPanel] = useState<Panel>(null);
  // Read afresh whenever the page opens: uses and other admins' edits change behind the app-wide 30 s cache.
  const list = useQuery({ queryKey: adminOrderKeys.shippingMethods(), queryFn: ordersApi.shippingMethods, refetchOnMount: "always" });

  return (
    <section>
      <h1>Shipping</h1>
      <div className="toolbar">
        <button type="button" className="button" onClick={() => setPanel({})}>
          New shipping method
        </button>
      </div>
      {panel && <ShippingMethodEditor key={panel.method?.code ?? "new"} method={panel.method} onDone={() => setPanel(null)} />}
      {list.isError ? (
        <ErrorMessage error={list.error} onRetry={() => void list.refetch()} />
      ) : !list.data ? (
        <ListSkeleton rows={4} />
      ) : list.data.length === 0 ? (
        <EmptyState>No shipping methods yet: checkout offers delivery only once one is added with New shipping method.</EmptyState>
      ) : (
        <table className="admin-table">
          <caption className="visually-hidden">Shipping methods</caption>
          <thead>
            <tr>
              <th scope="col">Code</th>
              <th scope="col">Name</th>
              <th scope="col">Zone</th>
              <th scope="col">Rate</th>
              <th scope="col">Free from</th>
              <th scope="col">Delivery</th>
              <th scope="col">Active</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((m) => (
              <tr key={m.code} data-testid={`shipping-method-${m.code}`}>
                <td>{m.code}</td>
                <th scope="row">{m.name}</th>
                <td>
                  {m.zone} <span className="hint">({m.countries.join(", ")})</span>
                </td>
                <td>{rate(m)}</td>
                <td>{m.freeOver === null ? "—" : m.freeOver.toFixed(2)}</td>
                <td>
                  {m.minDays}–{m.maxDays} days
                </td>
                <td>{m.active ? "Yes" : "No"}</td>
                <td className="actions">
                  <button type="button" className="link-button" aria-label={`Edit ${m.name}`} onClick={() => setPanel({ method: m })}>
                    Edit
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
