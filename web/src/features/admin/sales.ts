import type { AdminOrderSummary } from "../orders";

export interface DaySales {
  date: string;
  orders: number;
  revenue: number;
}

const counted = new Set(["Paid", "PartiallyShipped", "Shipped", "Delivered"]);

/** One currency's sales: amounts in different currencies are never added together. */
export interface CurrencySales {
  currency: string;
  orders: number;
  revenue: number;
  perDay: DaySales[];
}

/**
 * Sales per currency, the busiest first: each with its own totals and days, because £14 and ¥14 are not the same
 * fourteen. A currency with no counted order in the period is left out.
 */
export function salesByCurrency(orders: readonly AdminOrderSummary[], days: number, now: Date): CurrencySales[] {
  const currencies = [...new Set(orders.filter((o) => counted.has(o.status)).map((o) => o.currency))];
  return currencies
    .map((currency) => {
      const perDay = dailySales(orders.filter((o) => o.currency === currency), days, now);
      const total = perDay.reduce((s, d) => s + d.revenue, 0);
      return { currency, perDay, orders: perDay.reduce((s, d) => s + d.orders, 0), revenue: Math.round(total * 100) / 100 };
    })
    .filter((c) => c.orders > 0)
    .sort((a, b) => b.orders - a.orders || a.currency.localeCompare(b.currency));
}

/**
 * Revenue per day (UTC) of orders in one currency over the last `days` days, from paid, shipped or delivered orders; days without sales are
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
