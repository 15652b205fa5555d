import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { formatOrderNumber, ordersApi, type HeldOrder } from "../orders";
import { ConfirmButton } from "../../shared/ui/Confirm";
import { formatMoney } from "../../shared/ui/Money";
import { ErrorMessage } from "../../shared/ui/Status";
import { ListSkeleton, EmptyState } from "../../shared/ui/ListStates";
import { usePageTitle } from "../../shared/ui/usePageTitle";
import { adminOrderKeys } from "./queryKeys";

/** A score as a person reads it: a percentage with no false precision. */
export const formatScore = (score: number | null | undefined): string => (score == null ? "not scored" : `${Math.round(score * 100)}%`);

/**
 * The risk review queue: orders whose risk score reached the hold threshold wait here, authorised and not charged,
 * until an admin approves (the payment is taken) or rejects (cancelled, nothing taken, the stock back on sale).
 */
export default function AdminRiskPage() {
  usePageTitle("Risk review · Admin");
  const queue = useQuery({ queryKey: adminOrderKeys.risk(), queryFn: ordersApi.riskQueue, refetchInterval: 30_000 });
  return (
    <section>
      <h1>Risk review</h1>
      <p>
        Orders scored at or above the hold threshold are authorised but not charged until someone decides. Nobody deciding within the review window
        cancels the order.
      </p>
      {queue.isError ? (
        <ErrorMessage error={queue.error} onRetry={() => void queue.refetch()} />
      ) : !queue.data ? (
        <ListSkeleton rows={3} />
      ) : queue.data.length === 0 ? (
        <EmptyState>No orders are waiting for review.</EmptyState>
      ) : (
        <table className="admin-table">
          <caption className="visually-hidden">Orders held for review</caption>
          <thead>
            <tr>
              <th scope="col">Order</th>
              <th scope="col">Risk</th>
              <th scope="col">Why</th>
              <th scope="col">Total</th>
              <th scope="col">Decide by</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {queue.data.map((order) => (
              <HeldRow key={order.id} order={order} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function HeldRow({ order }: { order: HeldOrder }) {
  const client = useQueryClient();
  const [reason, setReason] = useState("");
  const decide = useMutation({
    mutationFn: (action: "approve" | "reject") => (action === "approve" ? ordersApi.approveRisk(order.id) : ordersApi.rejectRisk(order.id, reason.trim())),
    onSuccess: () => client.invalidateQueries({ queryKey: adminOrderKeys.all() }),
  });
  const number = formatOrderNumber(order.number);
  return (
    <tr data-testid={`held-${order.number}`}>
      <th scope="row">
        {number}
        <div className="muted">{new Date(order.createdAt).toLocaleString("en-GB")}</div>
      </th>
      <td data-testid="risk-score">
        {formatScore(order.score)}
        {order.source && order.source !== "model" && <div className="muted">({order.source})</div>}
      </td>
      <td>
        {order.reasons.length === 0 ? (
          "No single feature stood out"
        ) : (
          <ul>
            {order.reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        )}
      </td>
      <td>{formatMoney(order.total, order.currency)}</td>
      <td>{order.reviewBy ? new Date(order.reviewBy).toLocaleString("en-GB") : "—"}</td>
      <td className="actions">
        {order.decision === "Approved" ? (
          <span role="status">Approved: taking payment…</span>
        ) : (
          <>
            <ConfirmButton
              className="link-button"
              label={`Approve order ${number}`}
              question={`Approve order ${number}? The payment of ${formatMoney(order.total, order.currency)} is taken now.`}
              confirmLabel="Yes, approve and charge"
              keepLabel="Not yet"
              busy={decide.isPending}
              onConfirm={() => decide.mutate("approve")}
            />
            <form
              onSubmit={(e) => {
                e.preventDefault();
                decide.mutate("reject");
              }}
            >
              <label>
                <span className="visually-hidden">Reason to reject order {number}</span>
                <input value={reason} onChange={(e) => setReason(e.target.value)} placeholder="Reason (not shown to the shopper)" required maxLength={500} />
              </label>{" "}
              <button type="submit" className="link-button" disabled={decide.isPending}>
                Reject order {number}
              </button>
            </form>
          </>
        )}
        {decide.isError && <ErrorMessage error={decide.error} />}
      </td>
    </tr>
  );
}
