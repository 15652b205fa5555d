import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { formatOrderNumber, ordersApi, returnReasons, type ReturnQueueEntry } from "../orders";
import { ConfirmButton } from "../../shared/ui/Confirm";
import { ErrorMessage } from "../../shared/ui/Status";
import { ListSkeleton, EmptyState } from "../../shared/ui/ListStates";
import { usePageTitle } from "../../shared/ui/usePageTitle";
import { adminOrderKeys } from "./queryKeys";

const reasonLabel = (code: string) => returnReasons.find(([c]) => c === code)?.[1] ?? code;

/** The returns queue: approve or reject a request, then receive the items, restocking or writing off each line. */
export default function AdminReturnsPage() {
  usePageTitle("Returns · Admin");
  const queue = useQuery({ queryKey: adminOrderKeys.returns(), queryFn: ordersApi.returnsQueue });
  return (
    <section>
      <h1>Returns</h1>
      {queue.isError ? (
        <ErrorMessage error={queue.error} onRetry={() => void queue.refetch()} />
      ) : !queue.data ? (
        <ListSkeleton rows={4} />
      ) : queue.data.length === 0 ? (
        <EmptyState>No returns are waiting.</EmptyState>
      ) : (
        <table className="admin-table">
          <caption className="visually-hidden">Returns waiting</caption>
          <thead>
            <tr>
              <th scope="col">Order</th>
              <th scope="col">Items and reasons</th>
              <th scope="col">Requested</th>
              <th scope="col">Status</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {queue.data.map((entry) => (
              <ReturnRow key={entry.returnId} entry={entry} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function ReturnRow({ entry }: { entry: ReturnQueueEntry }) {
  const client = useQueryClient();
  const [reason, setReason] = useState("");
  const [restock, setRestock] = useState<Record<string, boolean>>({});
  const act = useMutation({
    mutationFn: (action: "approve" | "reject" | "receive") =>
      action === "approve"
        ? ordersApi.approveReturn(entry.orderId, entry.returnId)
        : action === "reject"
          ? ordersApi.rejectReturn(entry.orderId, entry.returnId, reason.trim())
          : ordersApi.receiveReturn(entry.orderId, entry.returnId, entry.lines.map((l) => ({ productId: l.productId, restock: restock[l.productId] ?? true }))),
    onSuccess: () => client.invalidateQueries({ queryKey: adminOrderKeys.all() }),
  });
  const number = formatOrderNumber(entry.orderNumber);
  return (
    <tr>
      <th scope="row">{number}</th>
      <td>
        {entry.lines.map((l) => (
          <div key={l.productId}>
            {l.quantity} × {l.sku}: {reasonLabel(l.reason)}
            {entry.status === "Approved" && (
              <label>
                {" "}
                <input
                  type="checkbox"
                  checked={restock[l.productId] ?? true}
                  onChange={(e) => setRestock({ ...restock, [l.productId]: e.target.checked })}
                />{" "}
                Restock {l.sku} of order {number}
              </label>
            )}
          </div>
        ))}
        {entry.note && <p>“{entry.note}”</p>}
      </td>
      <td>{new Date(entry.requestedAt).toLocaleString("en-GB")}</td>
      <td>{entry.status}</td>
      <td className="actions">
        {entry.status === "Requested" && (
          <>
            <button type="button" className="link-button" disabled={act.isPending} onClick={() => act.mutate("approve")}>
              Approve return of order {number}
            </button>
            <form
              onSubmit={(e) => {
                e.preventDefault();
                act.mutate("reject");
              }}
            >
              <label>
                <span className="visually-hidden">Reason to reject the return of order {number}</span>
                <input value={reason} onChange={(e) => setReason(e.target.value)} placeholder="Reason" required maxLength={500} />
              </label>{" "}
              <button type="submit" className="link-button" disabled={act.isPending}>
                Reject
              </button>
            </form>
          </>
        )}
        {/* Receiving the items refunds the customer: asked once more before the money moves. */}
        {entry.status === "Approved" && (
          <ConfirmButton
            className="link-button"
            label={`Mark return of order ${number} received`}
            question={`Mark the return of order ${number} received? The customer is refunded straight away.`}
            confirmLabel="Yes, received: refund"
            keepLabel="Not yet"
            busy={act.isPending}
            onConfirm={() => act.mutate("receive")}
          />
        )}
        {act.isError && <ErrorMessage error={act.error} />}
      </td>
    </tr>
  );
}
