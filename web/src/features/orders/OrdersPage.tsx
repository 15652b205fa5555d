import { useInfiniteQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { formatOrderNumber, ordersApi } from "./api";
import { RequireRole } from "../../shared/ui/RequireRole";
import { Money } from "../../shared/ui/Money";
import { ErrorMessage } from "../../shared/ui/Status";
import { ListSkeleton, EmptyState } from "../../shared/ui/ListStates";
import { statusLabel } from "./StatusTimeline";
import { Pager } from "../../shared/ui/Pager";
import { usePageTitle } from "../../shared/ui/usePageTitle";
import { orderKeys } from "./queryKeys";

export default function OrdersPage() {
  usePageTitle("Your orders");
  return (
    <RequireRole>
      <OrderHistory />
    </RequireRole>
  );
}

function OrderHistory() {
  const orders = useInfiniteQuery({
    queryKey: orderKeys.mine(),
    queryFn: ({ pageParam }) => ordersApi.mine(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next ?? undefined,
  });
  const list = orders.data?.pages.flatMap((p) => p.items);
  return (
    <section>
      <h1>Your orders</h1>
      {orders.isError ? (
        <ErrorMessage error={orders.error} onRetry={() => void orders.refetch()} />
      ) : !list ? (
        <ListSkeleton rows={5} />
      ) : list.length === 0 ? (
        <EmptyState
          action={
            <Link to="/catalog" className="button">
              Start shopping
            </Link>
          }
        >
          You have no orders yet. When you buy something, it is listed here with its progress.
        </EmptyState>
      ) : (
        <>
          <ul className="order-list">
            {list.map((o) => (
              <li key={o.id}>
                <Link to={`/orders/${o.id}`}>Order {formatOrderNumber(o.number)}</Link>{" "}
                <time dateTime={o.createdAt}>{new Date(o.createdAt).toLocaleDateString("en-GB")}</time> · {o.itemCount} {o.itemCount === 1 ? "item" : "items"} ·{" "}
                <span className={`status status-${o.status}`}>{statusLabel(o.status)}</span> · <Money amount={o.total} currency={o.currency} />
              </li>
            ))}
          </ul>
          <Pager hasNext={orders.hasNextPage} loading={orders.isFetchingNextPage} onNext={() => void orders.fetchNextPage()} label="Show older orders" />
        </>
      )}
    </section>
  );
}
