import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { ordersApi, type AdminOrderSummary } from "../../api/orders";
import { formatMoney } from "../../components/Money";
import { ErrorMessage, Loading } from "../../components/Status";
import { BarChart } from "./Chart";
import { dailySales } from "./sales";
import { usePageTitle } from "../../components/usePageTitle";

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
    queryKey: ["orders", "sales", days],
    queryFn: async () => {
      const now = new Date();
      const { orders, complete } = await ordersSince(new Date(now.getTime() - days * 86_400_000));
      return { perDay: dailySales(orders, days, now), complete };
    },
  });
  const perDay = sales.data?.perDay ?? [];
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
          <p>
            {perDay.reduce((s, d) => s + d.orders, 0)} paid orders, {formatMoney(perDay.reduce((s, d) => s + d.revenue, 0))} revenue
            {!sales.data.complete && " (the most recent 2,000 orders only)"}
          </p>
          <BarChart title={`Revenue per day, last ${days} days`} labels={perDay.map((d) => d.date)} values={perDay.map((d) => d.revenue)} />
        </>
      )}
    </section>
  );
}
