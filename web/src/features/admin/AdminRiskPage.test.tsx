import { afterEach, describe, expect, it, vi } from "vitest";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { HeldOrder, RiskSummary } from "../orders/api";
import { admin, fakeGateway, renderPage } from "../../test/render";
import AdminRiskPage, { formatScore } from "./AdminRiskPage";
import { RiskInUse } from "./AdminModelsPage";

afterEach(() => vi.unstubAllGlobals());

const held: HeldOrder = {
  id: "0193c0de-0000-7000-8000-000000000001", number: 100245, customerId: "user-x", createdAt: "2026-12-03T09:00:00Z", itemCount: 3,
  total: 640, currency: "GBP", score: 0.873, reasons: ["amount is 6.2x the customer's average order", "account is 0 days old"], source: "model",
  heldSince: "2026-12-03T09:00:05Z", reviewBy: "2026-12-06T09:00:05Z", decision: null,
};

describe("AdminRiskPage", () => {
  it("lists held orders with the score and its reasons in words, and approves one after asking", async () => {
    const gateway = fakeGateway({
      "GET /api/orders/admin/risk/queue": { body: [held] },
      [`POST /api/orders/admin/${held.id}/risk/approve`]: { body: { id: held.id, number: held.number, status: "HeldForReview", decision: "Approved", reviewedBy: "admin:admin-1", reviewedAt: "2026-12-03T10:00:00Z", note: null } },
    });
    const user = userEvent.setup();
    renderPage(<AdminRiskPage />, { user: admin });

    const row = await screen.findByTestId("held-100245");
    expect(within(row).getByTestId("risk-score")).toHaveTextContent("87%");
    expect(row).toHaveTextContent("amount is 6.2x the customer's average order");
    expect(row).toHaveTextContent("account is 0 days old");
    await user.click(within(row).getByRole("button", { name: "Approve order 100\u00a0245" }));
    await user.click(screen.getByRole("button", { name: "Yes, approve and charge" }));

    await vi.waitFor(() => expect(gateway.requests.some((r) => r.method === "POST" && r.url.endsWith("/risk/approve"))).toBe(true));
  });

  it("rejects with the reviewer's reason and shows a conflict when someone decided first", async () => {
    const gateway = fakeGateway({
      "GET /api/orders/admin/risk/queue": { body: [held] },
      [`POST /api/orders/admin/${held.id}/risk/reject`]: { status: 409, body: { title: "This order was already approved by admin:admin-2.", status: 409 } },
    });
    const user = userEvent.setup();
    renderPage(<AdminRiskPage />, { user: admin });

    await user.type(await screen.findByLabelText(/Reason to reject order 100.245/), "card reported stolen");
    await user.click(screen.getByRole("button", { name: "Reject order 100\u00a0245" }));

    expect(await screen.findByRole("alert")).toBeInTheDocument();
    expect(gateway.requests.find((r) => r.method === "POST")?.body).toEqual({ reason: "card reported stolen" });
  });

  it("says when nothing is waiting", async () => {
    fakeGateway({ "GET /api/orders/admin/risk/queue": { body: [] } });
    renderPage(<AdminRiskPage />, { user: admin });
    expect(await screen.findByText("No orders are waiting for review.")).toBeInTheDocument();
    expect(screen.queryByRole("table")).not.toBeInTheDocument();
  });

  it("formats scores without false precision", () => {
    expect([formatScore(0.5), formatScore(0.996), formatScore(null)]).toEqual(["50%", "100%", "not scored"]);
  });
});

describe("RiskInUse on the models page", () => {
  it("shows the share of orders held and the precision on reviewed orders", async () => {
    const summary: RiskSummary = {
      days: 30, holdThreshold: 0.5, orders: 400, scored: 398, unscored: 2, held: 12, heldShare: 0.03, approved: 6, rejected: 4, expired: 1, waiting: 1, precision: 0.4,
    };
    fakeGateway({ "GET /api/orders/admin/risk/summary": { body: summary } });
    renderPage(<RiskInUse />, { user: admin });

    const panel = await screen.findByTestId("risk-summary");
    expect(panel).toHaveTextContent("12 of 400 (3.0%) at a hold threshold of 0.5");
    expect(panel).toHaveTextContent("40.0% (4 rejected of 10 decided)");
  });
});
