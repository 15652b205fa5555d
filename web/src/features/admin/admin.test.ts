import { describe, expect, it } from "vitest";
import type { AdminOrderSummary } from "../orders/api";
import { baselineNdcg, metricRows } from "./modelMetrics";
import { dailySales, salesByCurrency } from "./sales";

const order = (createdAt: string, total: number, status: AdminOrderSummary["status"] = "Paid", currency = "GBP"): AdminOrderSummary => ({
  id: createdAt, number: 100001, customerId: "c", status, createdAt, itemCount: 1, total, currency,
});

describe("salesByCurrency", () => {
  it("totals each currency on its own, never adding yen to pounds", () => {
    const now = new Date("2026-11-25T12:00:00Z");
    const sales = salesByCurrency(
      [
        order("2026-11-25T01:00:00Z", 10, "Paid", "GBP"),
        order("2026-11-25T02:00:00Z", 14, "Paid", "JPY"),
        order("2026-11-24T02:00:00Z", 2.5, "PartiallyShipped", "GBP"),
        order("2026-11-24T03:00:00Z", 500, "Cancelled", "EUR"),
      ],
      2,
      now,
    );
    expect(sales.map(({ currency, orders, revenue }) => ({ currency, orders, revenue }))).toEqual([
      { currency: "GBP", orders: 2, revenue: 12.5 },
      { currency: "JPY", orders: 1, revenue: 14 },
    ]);
    expect(sales[1]?.perDay).toEqual([
      { date: "2026-11-24", orders: 0, revenue: 0 },
      { date: "2026-11-25", orders: 1, revenue: 14 },
    ]);
  });
});

describe("dailySales", () => {
  it("sums paid, shipped and delivered orders per UTC day and keeps empty days", () => {
    const now = new Date("2026-11-25T12:00:00Z");
    const days = dailySales(
      [
        order("2026-11-25T01:00:00Z", 10.1),
        order("2026-11-25T23:59:00Z", 0.2, "Delivered"),
        order("2026-11-23T08:00:00Z", 5, "Shipped"),
        order("2026-11-24T08:00:00Z", 99, "Cancelled"),
        order("2026-11-24T09:00:00Z", 99, "Pending"),
        order("2026-10-01T09:00:00Z", 99),
      ],
      3,
      now,
    );
    expect(days).toEqual([
      { date: "2026-11-23", orders: 1, revenue: 5 },
      { date: "2026-11-24", orders: 0, revenue: 0 },
      { date: "2026-11-25", orders: 2, revenue: 10.3 },
    ]);
  });
});

describe("metricRows", () => {
  it("reads the recommender's rows as the trainer stored them (PascalCase) and finds the popularity baseline", () => {
    const version = {
      kind: "recommender",
      metrics: [
        { Task: "for-you", Recommender: "cooccurrence", Queries: 120, HitRate: 0.5, Precision: 0.12, Recall: 0.3, Ndcg: 0.21 },
        { Task: "for-you", Recommender: "popularity", Queries: 120, HitRate: 0.3, Precision: 0.07, Recall: 0.2, Ndcg: 0.11 },
      ],
    };
    expect(metricRows(version)[0]).toEqual({ name: "for-you / cooccurrence", values: { queries: 120, hitRate: 0.5, precision: 0.12, recall: 0.3, ndcg: 0.21 } });
    expect(baselineNdcg(version)).toBe(0.11);
  });

  it("reads the risk model's object and ignores what is not a number", () => {
    expect(metricRows({ kind: "risk", metrics: { auc: 0.81, TrainExamples: 900, note: "x", missing: null } })).toEqual([
      { name: "risk", values: { auc: 0.81, trainExamples: 900 } },
    ]);
    expect(metricRows({ kind: "risk", metrics: null })).toEqual([]);
  });
});
