import type { AdminOrderSummary } from "../../api/orders";

export interface DaySales {
  date: string;
  orders: number;
  revenue: number;
}

const counted = new Set(["Paid", "Shipped", "Delivered"]);

/**
 * Revenue per day (UTC) over the last `days` days, from paid, shipped or delivered orders; days without sales are
 * zero so the chart's axis is time, not just the days that sold. (Orders has no sales endpoint; this aggregates the
 * admin search.)
 */
export function dailySales(orders: readonly AdminOrderSummary[], days: number, now: Date): DaySales[] {
  const start = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - (days - 1) * 86_400_000;
  const result = Array.from({ length: days }, (_, i) => ({ date: new Date(start + i * 86_400_000).toISOString().slice(0, 10), orders: 0, revenue: 0 }));
  for (const o of orders) {
    if (!counted.has(o.status)) continue;
    const index = Math.floor((Date.parse(o.createdAt) - start) / 86_400_000);
    const day = result[index];
    if (!day) continue;
    day.orders += 1;
    day.revenue = Math.round((day.revenue + o.total) * 100) / 100;
  }
  return result;
}
