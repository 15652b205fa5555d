import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { ordersApi } from "../api/orders";
import { RequireRole } from "../components/RequireRole";
import { Money } from "../components/Money";
import { ErrorMessage, Loading } from "../components/Status";

export default function OrdersPage() {
  return (
    <RequireRole>
      <OrderHistory />
    </RequireRole>
  );
}

function OrderHistory() {
  const orders = useQuery({ queryKey: ["orders", "mine"], queryFn: ordersApi.mine });
  return (
    <section>
      <h1>Your orders</h1>
      {orders.isError ? (
        <ErrorMessage error={orders.error} onRetry={() => void orders.refetch()} />
      ) : !orders.data ? (
        <Loading />
      ) : orders.data.length === 0 ? (
        <p>You have no orders yet.</p>
      ) : (
        <ul className="order-list">
          {orders.data.map((o) => (
            <li key={o.id}>
              <Link to={`/orders/${o.id}`}>Order {o.number ?? o.id.slice(0, 8)}</Link>{" "}
              <time dateTime={o.createdAt}>{new Date(o.createdAt).toLocaleDateString("en-GB")}</time> · <span className={`status status-${o.status}`}>{o.status}</span> ·{" "}
              <Money amount={o.total} currency={o.currency} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
