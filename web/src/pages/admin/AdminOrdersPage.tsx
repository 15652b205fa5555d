import { useState } from "react";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "react-router";
import { ordersApi, type OrderSummary } from "../../api/orders";
import { Money } from "../../components/Money";
import { ErrorMessage, Loading } from "../../components/Status";
import { useDebounced } from "../../state/useDebounced";

const statuses = ["", "Placed", "Paid", "Shipped", "Delivered", "Cancelled"];

export default function AdminOrdersPage() {
  const client = useQueryClient();
  const [q, setQ] = useState("");
  const [status, setStatus] = useState("");
  const term = useDebounced(q, 250);
  const orders = useQuery({
    queryKey: ["orders", "admin", term, status],
    queryFn: () => ordersApi.adminSearch({ q: term || undefined, status: status || undefined }),
    placeholderData: keepPreviousData,
  });
  const act = useMutation({
    mutationFn: async ({ order, action }: { order: OrderSummary; action: "ship" | "deliver" | "cancel" }) => {
      if (action === "ship") return ordersApi.ship(order.id, window.prompt("Tracking number", "") ?? "");
      if (action === "deliver") return ordersApi.deliver(order.id);
      return ordersApi.adminCancel(order.id, "Cancelled by the store");
    },
    onSuccess: () => client.invalidateQueries({ queryKey: ["orders"] }),
  });
  return (
    <section>
      <h1>Orders</h1>
      <div className="toolbar">
        <label>
          Search{" "}
          <input type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="Order id or customer" />
        </label>
        <label>
          Status{" "}
          <select value={status} onChange={(e) => setStatus(e.target.value)}>
            {statuses.map((s) => (
              <option key={s} value={s}>
                {s || "Any"}
              </option>
            ))}
          </select>
        </label>
      </div>
      {act.isError && <ErrorMessage error={act.error} />}
      {orders.isError ? (
        <ErrorMessage error={orders.error} onRetry={() => void orders.refetch()} />
      ) : !orders.data ? (
        <Loading />
      ) : (
        <table className="admin-table">
          <caption className="visually-hidden">Orders</caption>
          <thead>
            <tr>
              <th scope="col">Order</th>
              <th scope="col">Placed</th>
              <th scope="col">Status</th>
              <th scope="col">Total</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {orders.data.map((o) => (
              <tr key={o.id}>
                <th scope="row">
                  <Link to={`/orders/${o.id}`}>{o.number ?? o.id.slice(0, 8)}</Link>
                </th>
                <td>{new Date(o.createdAt).toLocaleString("en-GB")}</td>
                <td>{o.status}</td>
                <td>
                  <Money amount={o.total} currency={o.currency} />
                </td>
                <td className="actions">
                  {o.status === "Paid" && (
                    <button type="button" className="link-button" onClick={() => act.mutate({ order: o, action: "ship" })}>
                      Ship
                    </button>
                  )}
                  {o.status === "Shipped" && (
                    <button type="button" className="link-button" onClick={() => act.mutate({ order: o, action: "deliver" })}>
                      Mark delivered
                    </button>
                  )}
                  {!["Shipped", "Delivered", "Cancelled"].includes(o.status) && (
                    <button type="button" className="link-button" onClick={() => act.mutate({ order: o, action: "cancel" })}>
                      {o.status === "Paid" ? "Cancel and refund" : "Cancel"}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
