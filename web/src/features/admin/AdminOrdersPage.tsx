import { useState } from "react";
import { Link } from "react-router";
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { isGuestCustomer } from "./api/notifications";
import { formatOrderNumber, isOrderReference, ordersApi, type AdminOrderSummary, type OrderStatus, StatusTimeline, statusLabel } from "../orders";
import { Money } from "../../shared/ui/Money";
import { Confirm } from "../../shared/ui/Confirm";
import { ErrorMessage, Loading } from "../../shared/ui/Status";
import { ListSkeleton, EmptyState } from "../../shared/ui/ListStates";
import { useDebounced } from "../../shared/hooks/useDebounced";
import { OrderFulfilment } from "./OrderFulfilment";
import { OrderPayment } from "./OrderPayment";
import { Pager } from "../../shared/ui/Pager";
import { usePageTitle } from "../../shared/ui/usePageTitle";
import { adminOrderKeys } from "./queryKeys";

const statuses: OrderStatus[] = ["Pending", "StockReserved", "HeldForReview", "Paid", "PartiallyShipped", "Shipped", "Delivered", "Cancelled"];

export default function AdminOrdersPage() {
  usePageTitle("Orders · Admin");
  const [status, setStatus] = useState<OrderStatus | "">("");
  const [number, setNumber] = useState("");
  const [customer, setCustomer] = useState("");
  const typedNumber = useDebounced(number.trim(), 300);
  // Only a whole number (or id) filters: half-typed, it would match nothing, so the list stays as it is meanwhile.
  const numberFilter = isOrderReference(typedNumber) ? typedNumber : "";
  const customerId = useDebounced(customer.trim(), 300);
  const [open, setOpen] = useState<string | null>(null);
  const orders = useInfiniteQuery({
    queryKey: adminOrderKeys.list(status, numberFilter, customerId),
    queryFn: ({ pageParam }) =>
      ordersApi.adminSearch({ status: status || undefined, order: numberFilter || undefined, customerId: customerId || undefined, limit: 50, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next ?? undefined,
    // While a new filter loads, the rows on screen stay (and so does an expanded order's half-typed refund or cancel
    // reason) instead of the table blanking out and remounting.
    placeholderData: keepPreviousData,
  });
  const items = orders.data?.pages.flatMap((p) => p.items);
  return (
    <section>
      <h1>Orders</h1>
      <div className="toolbar">
        <label>
          Order number{" "}
          <input
            type="search"
            value={number}
            onChange={(e) => setNumber(e.target.value)}
            placeholder="100 245, or the id"
            aria-describedby={typedNumber && !numberFilter ? "order-number-hint" : undefined}
          />
        </label>
        {typedNumber && !numberFilter && (
          <p id="order-number-hint" className="hint">
            An order number has six or more digits (100 245); older orders have 12 characters.
          </p>
        )}
        <label>
          Customer id <input type="search" value={customer} onChange={(e) => setCustomer(e.target.value)} />
        </label>
        <label>
          Status{" "}
          <select value={status} onChange={(e) => setStatus(e.target.value as OrderStatus | "")}>
            <option value="">Any</option>
            {statuses.map((s) => (
              <option key={s} value={s}>
                {statusLabel(s)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {orders.isError ? (
        <ErrorMessage error={orders.error} onRetry={() => void orders.refetch()} />
      ) : !items ? (
        <ListSkeleton rows={8} />
      ) : items.length === 0 ? (
        <EmptyState>No orders match.</EmptyState>
      ) : (
        <>
          <table className="admin-table stack">
            <caption className="visually-hidden">Orders</caption>
            <thead>
              <tr>
                <th scope="col">Order</th>
                <th scope="col">Customer</th>
                <th scope="col">Placed</th>
                <th scope="col">Status</th>
                <th scope="col">Total</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {items.map((o) => (
                <OrderRow key={o.id} order={o} open={open === o.id} onToggle={() => setOpen(open === o.id ? null : o.id)} />
              ))}
            </tbody>
          </table>
          <Pager hasNext={orders.hasNextPage} loading={orders.isFetchingNextPage} onNext={() => void orders.fetchNextPage()} />
        </>
      )}
    </section>
  );
}

function OrderRow({ order, open, onToggle }: { order: AdminOrderSummary; open: boolean; onToggle: () => void }) {
  const client = useQueryClient();
  const [reason, setReason] = useState("");
  const [confirming, setConfirming] = useState(false);
  const detail = useQuery({ queryKey: adminOrderKeys.detail(order.id), queryFn: () => ordersApi.adminGet(order.id), enabled: open });
  const act = useMutation({
    mutationFn: () => ordersApi.adminCancel(order.id, reason.trim()),
    onSuccess: () => client.invalidateQueries({ queryKey: adminOrderKeys.all() }),
  });
  return (
    <>
      <tr>
        <th scope="row">
          <button type="button" className="link-button" aria-expanded={open} onClick={onToggle}>
            {formatOrderNumber(order.number)}
          </button>
        </th>
        {/* data-label names each cell where a phone stacks the row and hides the header. */}
        <td data-label="Customer">{order.customerId}</td>
        <td data-label="Placed">{new Date(order.createdAt).toLocaleString("en-GB")}</td>
        <td data-label="Status">{statusLabel(order.status)}</td>
        <td data-label="Total">
          <Money amount={order.total} currency={order.currency} />
        </td>
        <td className="actions">
          {(order.status === "Pending" || order.status === "StockReserved" || order.status === "Paid") && (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                setConfirming(true);
              }}
            >
              <label>
                <span className="visually-hidden">Reason to cancel order {formatOrderNumber(order.number)}</span>
                <input value={reason} onChange={(e) => setReason(e.target.value)} placeholder="Reason" required maxLength={500} />
              </label>{" "}
              {/* Cancelling cannot be undone (and refunds a paid order): the reason is entered, then confirmed. */}
              {confirming ? (
                <Confirm
                  question={
                    order.status === "Paid" ? (
                      <>
                        Cancel order {formatOrderNumber(order.number)} and refund <Money amount={order.total} currency={order.currency} />?
                      </>
                    ) : (
                      `Cancel order ${formatOrderNumber(order.number)}?`
                    )
                  }
                  confirmLabel={order.status === "Paid" ? "Yes, cancel and refund" : "Yes, cancel"}
                  keepLabel="Keep the order"
                  busy={act.isPending}
                  onConfirm={() => {
                    setConfirming(false);
                    act.mutate();
                  }}
                  onKeep={() => setConfirming(false)}
                />
              ) : (
                <button type="submit" className="link-button" disabled={act.isPending}>
                  {order.status === "Paid" ? "Cancel and refund" : "Cancel"}
                </button>
              )}
            </form>
          )}
          {act.isError && <ErrorMessage error={act.error} />}
        </td>
      </tr>
      {open && (
        <tr className="detail">
          <td colSpan={6}>
            {detail.isError ? (
              <ErrorMessage error={detail.error} />
            ) : !detail.data ? (
              <Loading />
            ) : (
              <>
                <StatusTimeline history={detail.data.history} status={detail.data.status} details />
                <ul>
                  {detail.data.lines.map((l) => (
                    <li key={l.productId}>
                      {l.quantity} × {l.name} ({l.sku}) — <Money amount={l.lineTotal} currency={detail.data.currency} />
                    </li>
                  ))}
                </ul>
                {detail.data.cancellationReason && <p>Cancelled: {detail.data.cancellationReason}</p>}
                {order.customerId && (
                  <p>
                    <Link to={`/admin/messages?customer=${encodeURIComponent(order.customerId)}`}>Messages to this customer</Link>
                    {isGuestCustomer(order.customerId) && <span className="hint"> (a guest: mails went to the address given at checkout)</span>}
                  </p>
                )}
                <OrderFulfilment order={detail.data} />
                <OrderPayment orderId={order.id} orderNumber={order.number} orderStatus={detail.data.status} />
              </>
            )}
          </td>
        </tr>
      )}
    </>
  );
}
