import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { ordersApi } from "../../api/orders";
import { formatMoney } from "../../components/Money";
import { ErrorMessage, Loading } from "../../components/Status";
import { BarChart } from "./Chart";

export default function AdminSalesPage() {
  const [days, setDays] = useState(30);
  const sales = useQuery({ queryKey: ["orders", "sales", days], queryFn: () => ordersApi.sales(days) });
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
            {sales.data.reduce((s, d) => s + d.orders, 0)} orders, {formatMoney(sales.data.reduce((s, d) => s + d.revenue, 0))} revenue
          </p>
          <BarChart title={`Revenue per day, last ${days} days`} labels={sales.data.map((d) => d.date)} values={sales.data.map((d) => d.revenue)} />
        </>
      )}
    </section>
  );
}
