import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { cartLine, fakeCart } from "../../test/fakeCart";
import { fakeGateway, renderPage } from "../../test/render";
import { guestOrderAccess } from "./guestOrders";
import CheckoutPage from "./CheckoutPage";
import OrderPage from "../orders/OrderPage";

const simulatedPayments = {
  "GET /api/payments/config": {
    body: { provider: "simulated", simulated: true, publishableKey: null, testPaymentMethods: [{ id: "pm_card_visa", label: "Visa (succeeds)", outcome: "succeeds" }] },
  },
};

// A token as Orders signs it: expiry (unix seconds, far ahead) and a signature.
const token = "4102444800.c2lnbmF0dXJl";

const guestOrder = {
  id: "g1", number: 100246, status: "Paid", createdAt: "2026-11-01T10:00:00Z", currency: "GBP", subtotal: 10, shipping: 4.95, tax: 2.49, total: 14.95,
  paymentMethod: "pm_card_visa", trackingNumber: null, cancellationReason: null, wasPaid: true, refundedAt: null,
  lines: [{ productId: "p1", sku: "SKU-1", name: "Enamel mug", quantity: 1, unitPrice: 10, lineTotal: 10, discount: 0, tax: 1.67, taxRate: 0.2, shipped: 0, delivered: 0, returnable: 0 }],
  shipments: [], returns: [], deliveredAt: null, returnsOpenUntil: null,
  shippingAddress: { recipient: "Grace", line1: "2 Compiler Rd", city: "Leeds", postcode: "LS1 1AA", country: "GB" },
  pricesIncludeTax: true, discount: 0, discountCode: null, taxes: [{ rate: 0.2, net: 12.46, tax: 2.49 }],
  shippingMethod: { code: "uk-standard", name: "Standard delivery", earliestDelivery: "2026-11-03", latestDelivery: "2026-11-05" },
  history: [{ from: "Pending", to: "Paid", trigger: "PaymentSucceeded", actor: "payments", reason: null, at: "2026-11-01T10:00:02Z" }],
};

beforeEach(() => localStorage.clear());
afterEach(() => vi.unstubAllGlobals());

describe("guest checkout", () => {
  it("places the anonymous cart with the guest's e-mail, an empty honeypot, and keeps the order's link", async () => {
    const cart = fakeCart([cartLine({ quantity: 1 })]);
    const gateway = fakeGateway({
      ...cart.routes,
      ...simulatedPayments,
      "POST /api/orders/guest/checkout": { status: 201, body: { order: { ...guestOrder, status: "Pending" }, accessToken: token, accessExpiresAt: "2100-01-01T00:00:00Z" } },
    });
    const user = userEvent.setup();
    renderPage(<CheckoutPage />, { path: "/" });
    await user.click(screen.getByRole("button", { name: "Check out as a guest" }));
    await user.type(await screen.findByLabelText("E-mail address"), "grace@example.com");
    await user.type(screen.getByLabelText("Full name"), "Grace");
    await user.type(screen.getByLabelText("Address line 1"), "2 Compiler Rd");
    await user.type(screen.getByLabelText("Town or city"), "Leeds");
    await user.type(screen.getByLabelText("Postcode"), "LS1 1AA");
    await screen.findByRole("radio", { name: /Visa/ });
    expect(screen.queryByLabelText("Save to my address book")).not.toBeInTheDocument();
    expect(await screen.findByTestId("quote-total")).toHaveTextContent("£14.95");
    await waitFor(() => expect(screen.getByRole("button", { name: "Place order" })).toBeEnabled());
    await user.click(screen.getByRole("button", { name: "Place order" }));

    await screen.findByText("elsewhere");
    const placed = gateway.requests.filter((r) => r.url === "/api/orders/guest/checkout");
    expect(placed).toHaveLength(1);
    expect(placed[0]?.headers["Idempotency-Key"]).toBeTruthy();
    expect(placed[0]?.body).toMatchObject({ email: "grace@example.com", paymentMethod: "pm_card_visa", shippingAddress: { recipient: "Grace", country: "GB" } });
    expect(placed[0]?.body).not.toHaveProperty("website");
    expect(gateway.requests.some((r) => r.url.startsWith("/api/users"))).toBe(false);
    expect(guestOrderAccess("g1")).toBe(token);
  });

  it("shows the server's word on the e-mail field", async () => {
    const cart = fakeCart([cartLine()]);
    fakeGateway({
      ...cart.routes,
      ...simulatedPayments,
      "POST /api/orders/guest/checkout": { status: 400, body: { title: "Invalid", status: 400, errors: { email: ["Enter a valid e-mail address."] } } },
    });
    const user = userEvent.setup();
    renderPage(<CheckoutPage />, { path: "/" });
    await user.click(screen.getByRole("button", { name: "Check out as a guest" }));
    await user.type(await screen.findByLabelText("E-mail address"), "grace@example.com");
    for (const [label, text] of [["Full name", "G"], ["Address line 1", "1"], ["Town or city", "L"], ["Postcode", "LS1 1AA"]] as const) {
      await user.type(screen.getByLabelText(label), text);
    }
    await waitFor(() => expect(screen.getByRole("button", { name: "Place order" })).toBeEnabled());
    await user.click(screen.getByRole("button", { name: "Place order" }));
    expect(await screen.findByText("Enter a valid e-mail address.")).toBeInTheDocument();
    expect(screen.getByLabelText("E-mail address")).toHaveAttribute("aria-invalid", "true");
  });
});

describe("guest order page", () => {
  it("shows the order and its payment through the link's token, without the customer's cancel", async () => {
    const gateway = fakeGateway({
      "GET /api/orders/guest/g1": { body: guestOrder },
      "GET /api/payments/guest/orders/g1": {
        body: { orderId: "g1", status: "Captured", amountMinor: 1495, currency: "GBP", capturedMinor: 1495, refundedMinor: 0, failureReason: null, provider: "simulated", simulated: true },
      },
    });
    renderPage(<OrderPage />, { route: `/orders/g1?access=${encodeURIComponent(token)}`, path: "/orders/:id" });
    expect(await screen.findByTestId("order-status")).toHaveTextContent("Payment received");
    // The number the guest reads out on the phone: the API's digits, grouped in threes.
    expect(screen.getByTestId("order-number")).toHaveTextContent("100 246");
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("Order 100 246");
    expect(screen.getByTestId("order-total")).toHaveTextContent("£14.95");
    expect(screen.queryByRole("button", { name: "Cancel order" })).not.toBeInTheDocument();
    await waitFor(() => expect(gateway.requests.some((r) => r.url === "/api/payments/guest/orders/g1")).toBe(true));
    expect(gateway.requests.filter((r) => r.url.includes("/guest/")).every((r) => r.headers["X-Order-Access"] === token)).toBe(true);
    await waitFor(() => expect(guestOrderAccess("g1")).toBe(token));
  });

  it("finds the order again with the token this browser kept", async () => {
    localStorage.setItem("ecommerce.guest-orders.v1", JSON.stringify({ g1: token }));
    fakeGateway({ "GET /api/orders/guest/g1": { body: guestOrder } });
    renderPage(<OrderPage />, { route: "/orders/g1", path: "/orders/:id" });
    expect(await screen.findByTestId("order-status")).toHaveTextContent("Payment received");
  });

  it("says only 'not found' for a tampered link", async () => {
    fakeGateway({ "GET /api/orders/guest/g1": { status: 404, body: { title: "Not Found", status: 404 } } });
    renderPage(<OrderPage />, { route: "/orders/g1?access=4102444800.dGFtcGVyZWQ", path: "/orders/:id" });
    expect(await screen.findByRole("heading", { name: "Order not found" })).toBeInTheDocument();
    expect(guestOrderAccess("g1")).toBeUndefined();
  });
});
