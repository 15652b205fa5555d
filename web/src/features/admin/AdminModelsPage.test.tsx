import { afterEach, describe, expect, it, vi } from "vitest";
import { screen, within } from "@testing-library/react";
import type { DriftReport, ModelsOverview, ModelVersionSummary } from "../catalog";
import type { RiskSummary } from "../orders";
import { admin, fakeGateway, renderPage } from "../../test/render";
import AdminModelsPage, { dataSizeText } from "./AdminModelsPage";

afterEach(() => vi.unstubAllGlobals());

const run = (version: number, overrides: Partial<ModelVersionSummary>): ModelVersionSummary => ({
  kind: "recommender", version, trainedAt: `2026-12-0${version}T06:00:00Z`, algorithm: "LightGbm", primaryMetric: 0.3, promoted: true, serving: false,
  decision: "promoted: first model", metrics: [{ Task: "for-you", Recommender: "popularity", Ndcg: 0.12 }], status: "promoted", error: null,
  trainingSeconds: 12.4, dataSize: { orders: 11887, customers: 250 }, servingVersion: null, servingMetric: null, ...overrides,
});

const overview: ModelsOverview = {
  recommenderVersion: 1, riskVersion: 0, health: "Degraded",
  history: [
    run(3, { status: "failed", promoted: false, algorithm: "", primaryMetric: 0, decision: "failed: v1 keeps serving", error: "InvalidOperationException: out of memory", servingVersion: 1 }),
    run(2, { status: "rejected", promoted: false, primaryMetric: 0.15, servingMetric: 0.301, servingVersion: 1, decision: "kept v1: 0.1500 is worse than its 0.3010 on the same holdout" }),
    run(1, { serving: true }),
  ],
  alerts: [{ kind: "recommender", status: "failed", version: 3, reason: "InvalidOperationException: out of memory", at: "2026-12-03T06:00:00Z", alert: true }],
  riskScorer: { source: "rules", version: 0, reason: "no paid order has been cancelled yet, so the model has no positive label to learn from: rules" },
};

const drift: DriftReport = {
  watchThreshold: 0.1, driftThreshold: 0.25, computedAt: "2026-12-03T07:00:00Z",
  models: [{
    kind: "recommender", version: 1, trainedAt: "2026-12-01T06:00:00Z", liveOrders: 64,
    features: [
      { name: "order value", psi: 0.412, state: "drifted", trainingCount: 11887, liveCount: 64 },
      { name: "items per order", psi: 0.14, state: "watch", trainingCount: 11887, liveCount: 64 },
      { name: "product popularity share", psi: 0.03, state: "stable", trainingCount: 40210, liveCount: 190 },
    ],
  }],
};

const summary = (days: number): RiskSummary => ({
  days, holdThreshold: 0.5, orders: days * 10, scored: days * 10, unscored: 0, held: days, heldShare: 0.1, approved: 3, rejected: 1, expired: 0, waiting: 0, precision: 0.25,
});

describe("AdminModelsPage", () => {
  it("shows each training run with both metrics, the decision, time and data, the drift readings, the alert and the risk figures", async () => {
    fakeGateway({
      "GET /api/ai/models": { body: overview },
      "GET /api/ai/models/drift": { body: drift },
      "GET /api/orders/admin/risk/summary": (r) => ({ body: summary(Number(new URL(r.url, "http://x").searchParams.get("days"))) }),
    });
    renderPage(<AdminModelsPage />, { user: admin });

    const rejected = await screen.findByTestId("run-recommender-2");
    expect(rejected).toHaveTextContent("0.150 (LightGbm)");
    expect(rejected).toHaveTextContent("0.301 (v1)");
    expect(rejected).toHaveTextContent("kept serving model (worse)");
    expect(rejected).toHaveTextContent("12.4 s");
    expect(rejected).toHaveTextContent("orders 11,887 · customers 250");
    expect(screen.getByTestId("run-recommender-3")).toHaveTextContent("failed: InvalidOperationException: out of memory");
    expect(screen.getByTestId("run-recommender-1")).toHaveTextContent("v1 (serving)");

    const alert = screen.getByRole("alert");
    expect(alert).toHaveTextContent("health Degraded");
    expect(alert).toHaveTextContent("recommender: last training v3 failed");

    const table = await screen.findByTestId("drift-recommender");
    const reading = (name: string) => within(within(table).getByRole("rowheader", { name }).closest("tr")!).getAllByRole("cell")[1];
    expect(reading("order value")).toHaveTextContent("drifted");
    expect(reading("items per order")).toHaveTextContent("watch");
    expect(reading("product popularity share")).toHaveTextContent("stable");

    expect(screen.getByTestId("risk-scorer")).toHaveTextContent("Risk is scored by rules: no paid order has been cancelled yet");
    const week = await screen.findByRole("region", { name: "Risk model in use (last 7 days)" });
    expect(week).toHaveTextContent("7 of 70 (10.0%)");
    expect(await screen.findByRole("region", { name: "Risk model in use (last 365 days)" })).toHaveTextContent("25.0% (1 rejected of 4 decided)");
  });

  it("says there is no alert when every last training was promoted", async () => {
    fakeGateway({
      "GET /api/ai/models": { body: { ...overview, health: "Healthy", alerts: [{ ...overview.alerts[0], status: "promoted", alert: false }], history: [run(1, { serving: true })] } },
    });
    renderPage(<AdminModelsPage />, { user: admin });

    expect(await screen.findByText("Training alerts: none (health Healthy).")).toBeInTheDocument();
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  it("formats the training data size", () => {
    expect([dataSizeText({ orders: 1200, lines: 3 }), dataSizeText({}), dataSizeText(null)]).toEqual(["orders 1,200 · lines 3", "—", "—"]);
  });
});
