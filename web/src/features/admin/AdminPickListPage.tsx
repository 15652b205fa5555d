import { useQuery } from "@tanstack/react-query";
import { formatOrderNumber, ordersApi } from "../orders";
import { ErrorMessage } from "../../shared/ui/Status";
import { ListSkeleton, EmptyState } from "../../shared/ui/ListStates";
import { usePageTitle } from "../../shared/ui/usePageTitle";
import { adminOrderKeys } from "./queryKeys";

/** What the warehouse picks: paid orders' lines still to ship, by SKU, with the orders that want them. */
export default function AdminPickListPage() {
  usePageTitle("Pick list · Admin");
  const list = useQuery({ queryKey: adminOrderKeys.pickList(), queryFn: ordersApi.pickList });
  return (
    <section>
      <h1>Pick list</h1>
      {list.isError ? (
        <ErrorMessage error={list.error} onRetry={() => void list.refetch()} />
      ) : !list.data ? (
        <ListSkeleton rows={5} />
      ) : list.data.lines.length === 0 ? (
        <EmptyState>Nothing is waiting to ship.</EmptyState>
      ) : (
        <>
          <p>
            {list.data.orderCount} order{list.data.orderCount === 1 ? "" : "s"} to ship.
          </p>
          <table className="admin-table">
            <caption className="visually-hidden">Items to pick</caption>
            <thead>
              <tr>
                <th scope="col">SKU</th>
                <th scope="col">Product</th>
                <th scope="col">Quantity</th>
                <th scope="col">Orders</th>
              </tr>
            </thead>
            <tbody>
              {list.data.lines.map((l) => (
                <tr key={l.sku}>
                  <th scope="row">{l.sku}</th>
                  <td>{l.name}</td>
                  <td>{l.quantity}</td>
                  <td>{l.orders.map((o) => `${formatOrderNumber(o.orderNumber)} × ${o.quantity}`).join(", ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
