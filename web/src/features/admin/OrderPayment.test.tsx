import { afterEach, describe, expect, it, vi } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { PaymentHistory } from "../checkout/payments/api";
import { parseToMinor } from "../../shared/ui/minorUnits";
import { admin, fakeGateway, renderPage } from "../../test/render";
import { OrderPayment } from "./OrderPayment";

afterEach(() => vi.unstubAllGlobals());

const orderId = "0a1b2c3d-0000-4000-8000-000000000001";

const history = (refundedMinor = 0): PaymentHistory => ({
  orderId, paymentId: "pay-1", customerId: "user-a", status: "Captured", amountMinor: 1794, currency: "GBP",
  paymentMethod: "pm_card_visa", provider: "simulated", providerPaymentId: "pi_1", failureReason: null,
  totals: { authorisedMinor: 0, capturedMinor: 1794, refundedMinor, netMinor: 1794 - refundedMinor, refundableMinor: 1794 - refundedMinor },
  entries: [
    { id: 1, kind: "Captured", amountMinor: 1794, currency: "GBP", providerReference: "pi_1", reason: null, occurredAt: "2026-11-25T10:00:00Z" },
    ...(refundedMinor > 0
      ? [{ id: 2, kind: "Refunded" as const, amountMinor: refundedMinor, currency: "GBP", providerReference: "re_1", reason: "scratched", occurredAt: "2026-11-25T11:00:00Z" }]
      : []),
  ],
});

const refundsPath = `POST /api/payments/orders/${orderId}/refunds`;

describe("parseToMinor", () => {
  it("reads major units exactly, without floating point error", () => {
    expect(parseToMinor("17.94", "GBP")).toBe(1794);
    expect(parseToMinor("0.1", "GBP")).toBe(10);
    expect(parseToMinor(" 5 ", "GBP")).toBe(500);
    expect(parseToMinor("1005", "JPY")).toBe(1005);
  });

  it("refuses what is not a positive amount in the currency's decimals", () => {
    for (const text of ["", "0", "0.00", "-1", "1.234", "1e3", "£5", "1,50"]) expect(parseToMinor(text, "GBP")).toBeNull();
    expect(parseToMinor("10.5", "JPY")).toBeNull();
  });
});

describe("OrderPayment", () => {
  it("shows the ledger and refunds part of the payment once, in minor units, with an idempotency key", async () => {
    let refunded = 0;
    const gateway = fakeGateway({
      [`GET /api/payments/orders/${orderId}`]: () => ({ body: history(refunded) }),
      [refundsPath]: (r) => {
        refunded = (r.body as { amountMinor: number }).amountMinor;
        return { status: 201, body: { orderId, amountMinor: refunded, currency: "GBP", providerRefundId: "re_1", refundedTotalMinor: refunded, refundableMinor: 1794 - refunded, occurredAt: "2026-11-25T11:00:00Z" } };
      },
    });
    const user = userEvent.setup();
    renderPage(<OrderPayment orderId={orderId} orderNumber={100245} orderStatus="Paid" />, { user: admin });

    expect(await screen.findByRole("table", { name: "Ledger" })).toHaveTextContent("Captured£17.94");
    await user.type(screen.getByLabelText("Refund amount"), "5.50");
    await user.type(screen.getByLabelText("Reason for the refund"), "scratched");
    await user.click(screen.getByRole("button", { name: "Refund" }));
    await user.click(screen.getByRole("button", { name: /^Yes, refund/ }));

    expect(await screen.findByRole("status")).toHaveTextContent("Refunded £5.50.");
    const posts = gateway.requests.filter((r) => r.method === "POST");
    expect(posts).toHaveLength(1);
    expect(posts[0]?.body).toEqual({ amountMinor: 550, reason: "scratched" });
    expect(posts[0]?.headers["Idempotency-Key"]).toMatch(/^[0-9a-f-]{36}$/);
    await waitFor(() => expect(screen.getByText("Refundable").nextElementSibling).toHaveTextContent("£12.44"));
  });

  it("asks before refunding, and refunds nothing when the admin keeps the money", async () => {
    const gateway = fakeGateway({ [`GET /api/payments/orders/${orderId}`]: { body: history() } });
    const user = userEvent.setup();
    renderPage(<OrderPayment orderId={orderId} orderNumber={100245} orderStatus="Paid" />, { user: admin });

    await user.type(await screen.findByLabelText("Refund amount"), "2");
    await user.click(screen.getByRole("button", { name: "Refund" }));
    const dialog = screen.getByRole("alertdialog");
    expect(dialog).toHaveTextContent("Refund £2.00 to the customer? This cannot be undone.");
    expect(within(dialog).getByRole("button", { name: "Yes, refund £2.00" })).toHaveFocus();
    await user.click(within(dialog).getByRole("button", { name: "Don't refund" }));
    expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument();
    expect(gateway.requests.filter((r) => r.method === "POST")).toHaveLength(0);
  });

  it("refuses more than is refundable before asking Payments", async () => {
    const gateway = fakeGateway({ [`GET /api/payments/orders/${orderId}`]: { body: history(1000) } });
    const user = userEvent.setup();
    renderPage(<OrderPayment orderId={orderId} orderNumber={100245} orderStatus="Paid" />, { user: admin });

    await user.type(await screen.findByLabelText("Refund amount"), "8.00");
    await user.click(screen.getByRole("button", { name: "Refund" }));

    expect(screen.getByLabelText("Refund amount")).toHaveAccessibleDescription(/up to £7.94/);
    expect(gateway.requests.filter((r) => r.method === "POST")).toHaveLength(0);
  });

  it("shows Payments' field error and retries the same refund with the same key", async () => {
    let calls = 0;
    const gateway = fakeGateway({
      [`GET /api/payments/orders/${orderId}`]: { body: history() },
      [refundsPath]: () =>
        ++calls === 1
          ? { status: 503, body: { title: "The payment provider is unavailable; retry with the same Idempotency-Key.", status: 503 } }
          : { status: 400, body: { title: "Validation failed", status: 400, errors: { amountMinor: ["At most 1294 can still be refunded."] } } },
    });
    const user = userEvent.setup();
    renderPage(<OrderPayment orderId={orderId} orderNumber={100245} orderStatus="Paid" />, { user: admin });

    await user.type(await screen.findByLabelText("Refund amount"), "3");
    await user.click(screen.getByRole("button", { name: "Refund" }));
    await user.click(screen.getByRole("button", { name: /^Yes, refund/ }));
    expect(await screen.findByRole("alert")).toHaveTextContent("The refund was not made");
    await user.click(screen.getByRole("button", { name: "Refund" }));
    await user.click(screen.getByRole("button", { name: /^Yes, refund/ }));

    await waitFor(() => expect(screen.getByLabelText("Refund amount")).toHaveAccessibleDescription("At most 1294 can still be refunded."));
    const keys = gateway.requests.filter((r) => r.method === "POST").map((r) => r.headers["Idempotency-Key"]);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBe(keys[1]);
  });

  it("says so when no payment was recorded, and offers no refund", async () => {
    fakeGateway({});
    renderPage(<OrderPayment orderId={orderId} orderNumber={100245} orderStatus="Cancelled" />, { user: admin });
    expect(await screen.findByText("No payment has been recorded for this order.")).toBeInTheDocument();
    expect(screen.queryByLabelText("Refund amount")).not.toBeInTheDocument();
  });
});
