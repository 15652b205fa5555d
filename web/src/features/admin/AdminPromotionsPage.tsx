import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { ordersApi, type Promotion } from "../orders";
import { ErrorMessage } from "../../shared/ui/Status";
import { ListSkeleton, EmptyState } from "../../shared/ui/ListStates";
import { PromotionEditor, promotionKinds } from "./PromotionEditor";
import { usePageTitle } from "../../shared/ui/usePageTitle";
import { adminOrderKeys } from "./queryKeys";

type Panel = { promotion?: Promotion } | null;

const date = (iso: string | null): string => (iso ? new Date(iso).toLocaleDateString() : "");

const value = (p: Promotion): string =>
  p.kind === "Percentage" ? `${p.value}%` : p.kind === "FixedAmount" ? p.value.toFixed(2) : "—";

const validity = (p: Promotion): string =>
  !p.startsAt && !p.endsAt ? "Always" : `${date(p.startsAt) || "…"} – ${date(p.endsAt) || "…"}`;

const limits = (p: Promotion): string =>
  [p.usageLimit === null ? "no limit" : `${p.usageLimit} in all`, p.perCustomerLimit === null ? null : `${p.perCustomerLimit} per customer`]
    .filter(Boolean)
    .join(", ");

const scope = (p: Promotion): string =>
  [...p.categorySlugs, ...(p.productIds.length ? [`${p.productIds.length} product${p.productIds.length === 1 ? "" : "s"}`] : [])].join(", ") || "Everything";

/** Discount codes and automatic promotions: their terms, limits and how many orders have used each. */
export default function AdminPromotionsPage() {
  usePageTitle("Promotions · Admin");
  const [panel, setPanel] = useState<Panel>(null);
  // Read afresh whenever the page opens: uses and other admins' edits change behind the app-wide 30 s cache.
  const list = useQuery({ queryKey: adminOrderKeys.promotions(), queryFn: ordersApi.promotions, refetchOnMount: "always" });

  return (
    <section>
      <h1>Promotions</h1>
      <div className="toolbar">
        <button type="button" className="button" onClick={() => setPanel({})}>
          New promotion
        </button>
      </div>
      {panel && <PromotionEditor key={panel.promotion?.code ?? "new"} promotion={panel.promotion} onDone={() => setPanel(null)} />}
      {list.isError ? (
        <ErrorMessage error={list.error} onRetry={() => void list.refetch()} />
      ) : !list.data ? (
        <ListSkeleton rows={4} />
      ) : list.data.length === 0 ? (
        <EmptyState>No promotions yet.</EmptyState>
      ) : (
        <table className="admin-table">
          <caption className="visually-hidden">Promotions</caption>
          <thead>
            <tr>
              <th scope="col">Code</th>
              <th scope="col">Type</th>
              <th scope="col">Value</th>
              <th scope="col">Applies to</th>
              <th scope="col">Valid</th>
              <th scope="col">Limits</th>
              <th scope="col">Uses</th>
              <th scope="col">Active</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((p) => (
              <tr key={p.code} data-testid={`promotion-${p.code}`}>
                <th scope="row">
                  {p.code} <span className="hint">{p.automatic ? "(automatic) " : ""}{p.description}</span>
                </th>
                <td>{promotionKinds.find((k) => k.value === p.kind)?.label ?? p.kind}</td>
                <td>{value(p)}</td>
                <td>{scope(p)}</td>
                <td>{validity(p)}</td>
                <td>{limits(p)}</td>
                <td data-testid="promotion-uses">{p.timesUsed}</td>
                <td>{p.active ? "Yes" : "No"}</td>
                <td className="actions">
                  <button type="button" className="link-button" aria-label={`Edit ${p.code}`} onClick={() => setPanel({ promotion: p })}>
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
