import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { ordersApi, type AdminOrderSummary } from "../orders";
import { formatMoney } from "../../shared/ui/Money";
import { ErrorMessage, Loading } from "../../shared/ui/Status";
import { BarChart } from "./Chart";
import { salesByCurrency } from "./sales";
import { usePageTitle } from "../../shared/ui/usePageTitle";
import { adminOrderKeys } from "./queryKeys";

const maxPages = 20;

async function ordersSince(from: Date): Promise<{ orders: AdminOrderSummary[]; complete: boolean }> {
  const orders: AdminOrderSummary[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    const result = await ordersApi.adminSearch({ from: from.toISOString(), limit: 100, cursor });
    orders.push(...result.items);
    if (!result.next) return { orders, complete: true };
    cursor = result.next;
  }
  return { orders, complete: false };
}

export default function AdminSalesPage() {
  usePageTitle("Sales · Admin");
  const [days, setDays] = useState(30);
  const sales = useQuery({
    queryKey: adminOrderKeys.sales(days),
    queryFn: async () => {
      const now = new Date();
      const { orders, complete } = await ordersSince(new Date(now.getTime() - days * 86_400_000));
      return { byCurrency: salesByCurrency(orders, days, now), complete };
    },
  });
  return (
    <section>
      <h1>Sales</h1>
      <label>
        Period{" "}
        <select value={days} onChange={(e) => setDays(Number(e.target.value))}>
          <option value={7}>Last 7 days</option>
          <option value={30}>Last 30 days</option>
          <option value={90}>Last 90 days</option>
        </select>
      </label>
      {sales.isError ? (
        <ErrorMessage error={sales.error} onRetry={() => void sales.refetch()} />
      ) : !sales.data ? (
        <Loading />
      ) : (
        <>
          {sales.data.byCurrency.length === 0 && <p>No paid orders in the last {days} days.</p>}
          {/* One total and one chart per currency: amounts in different currencies are never added up. */}
          {sales.data.byCurrency.map((c) => (
            <section key={c.currency} aria-label={`Sales in ${c.currency}`}>
              <p data-testid="sales-total">
                {c.orders} paid {c.orders === 1 ? "order" : "orders"} in {c.currency}, {formatMoney(c.revenue, c.currency)} revenue
              </p>
              <BarChart title={`Revenue per day in ${c.currency}, last ${days} days`} labels={c.perDay.map((d) => d.date)} values={c.perDay.map((d) => d.revenue)} />
            </section>
          ))}
          {!sales.data.complete && <p>Counted from the most recent 2,000 orders only.</p>}
        </>
      )}
    </section>
  );
}
