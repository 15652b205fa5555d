import type { ModelVersionSummary } from "../catalog";

/** One evaluation row: for recommenders a task × algorithm (e.g. "for-you / cooccurrence"), for risk the model itself. */
export interface MetricRow {
  name: string;
  values: Record<string, number>;
}

/**
 * Reads the metrics the AI trainer stored as JSON, whatever their casing: a list of {Task, Recommender, Precision, …}
 * rows for recommenders (the popularity baseline among them), an object of numbers for the risk model.
 */
export function metricRows(version: Pick<ModelVersionSummary, "metrics" | "kind">): MetricRow[] {
  const numbers = (o: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(o).filter((e): e is [string, number] => typeof e[1] === "number").map(([k, v]) => [k.charAt(0).toLowerCase() + k.slice(1), v]));
  const text = (o: Record<string, unknown>, key: string) => {
    const found = Object.keys(o).find((k) => k.toLowerCase() === key);
    return found && typeof o[found] === "string" ? (o[found] as string) : undefined;
  };
  const m = version.metrics;
  if (Array.isArray(m)) {
    return m
      .filter((row): row is Record<string, unknown> => typeof row === "object" && row !== null)
      .map((row) => ({ name: [text(row, "task"), text(row, "recommender")].filter(Boolean).join(" / ") || version.kind, values: numbers(row) }));
  }
  return typeof m === "object" && m !== null ? [{ name: version.kind, values: numbers(m as Record<string, unknown>) }] : [];
}

/** The popularity baseline's NDCG on the same task as the primary metric (recommenders), for the chart. */
export function baselineNdcg(version: Pick<ModelVersionSummary, "metrics" | "kind">): number | undefined {
  return metricRows(version).find((r) => r.name === "for-you / popularity")?.values.ndcg;
}
