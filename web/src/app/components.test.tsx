import { afterEach, describe, expect, it, vi } from "vitest";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { OrderHistoryEntry, OrderStatus } from "../features/orders/api";
import { PaymentMethods } from "../features/checkout/payments/PaymentMethods";
import { OrderActivity, StatusTimeline } from "../features/orders/StatusTimeline";
import { cancellationMessage, paymentFailureMessage, statusSentence } from "../features/orders/orderWords";
import { SearchBox } from "../features/catalog/navigation/SearchBox";
import { RequireRole } from "../shared/ui/RequireRole";
import { RecommendedProducts } from "../features/catalog/RecommendedProducts";
import { admin, fakeGateway, product, renderPage, shopper } from "../test/render";
import { recommendationKeys } from "../features/catalog/queryKeys";

afterEach(() => vi.unstubAllGlobals());

describe("PaymentMethods", () => {
  it("labels every test method of the simulated provider as simulated", () => {
    const onChange = vi.fn();
    render(
      <PaymentMethods
        config={{
          provider: "simulated",
          simulated: true,
          publishableKey: null,
          testPaymentMethods: [
            { id: "pm_card_visa", label: "Visa (succeeds)", outcome: "succeeds" },
            { id: "pm_card_chargeDeclined", label: "Card declined", outcome: "fails: card_declined" },
          ],
        }}
        value="pm_card_visa"
        onChange={onChange}
        onCardReady={vi.fn()}
      />,
    );
    expect(screen.getByText(/Simulated payments:/)).toBeInTheDocument();
    expect(screen.getAllByText("simulated")).toHaveLength(2);
    screen.getByRole("radio", { name: /Test card: declined by the bank/ }).click();
    expect(onChange).toHaveBeenCalledWith("pm_card_chargeDeclined");
  });

  it("describes the test methods in shopper words, never the provider's reason codes", () => {
    render(
      <PaymentMethods
        config={{
          provider: "simulated", simulated: true, publishableKey: null,
          testPaymentMethods: [
            { id: "pm_card_chargeDeclined", label: "Card declined", outcome: "fails: card_declined" },
            { id: "pm_card_authenticationRequired", label: "authentication_required", outcome: "authentication_required (no customer present to authenticate)" },
          ],
        }}
        value=""
        onChange={vi.fn()}
        onCardReady={vi.fn()}
      />,
    );
    expect(screen.getByRole("radio", { name: /^Test card: declined by the bank/ })).toBeInTheDocument();
    expect(screen.getByRole("radio", { name: /^Test card: your bank asks you to confirm the payment/ })).toBeInTheDocument();
    expect(document.body).not.toHaveTextContent(/card_declined|authentication_required|fails:/);
  });
});

describe("order words", () => {
  it("names every order status in a plain sentence", () => {
    const statuses: OrderStatus[] = ["Pending", "StockReserved", "AwaitingPayment", "Paid", "PartiallyShipped", "Shipped", "Delivered", "Cancelled"];
    const said = statuses.map(statusSentence);
    expect(said).toEqual([
      "We've received your order", "We've reserved your items", "Your payment didn't go through", "Payment received",
      "Part of your order is on its way", "Shipped", "Delivered", "Cancelled",
    ]);
  });

  it("explains payment failures without the provider's codes", () => {
    for (const reason of ["card_declined", "payment failed: card_declined", "authentication_required", "authentication_failed", "authentication_abandoned", "processing_failed", "invalid_payment_method", "amount_not_representable"])
      expect(paymentFailureMessage(reason)).not.toMatch(/_|payment failed:/);
    expect(paymentFailureMessage("authentication_required")).toBe("Your bank could not confirm this payment.");
  });

  it("never shows an unknown cancellation reason raw", () => {
    expect(cancellationMessage({ status: "Cancelled", cancellationReason: "compensated: weird internal state", history: [] })).toBe("This order was cancelled.");
    expect(cancellationMessage({ status: "Cancelled", cancellationReason: "payment failed: card_declined", history: [] })).toBe(
      "Your payment was declined by your bank. You have not been charged; please try another payment method.",
    );
  });
});

const entry = (from: OrderStatus | null, to: OrderStatus, time: string, reason: string | null = null): OrderHistoryEntry => ({
  from, to, trigger: "test", actor: "system", reason, at: `2026-11-01T${time}Z`,
});

describe("StatusTimeline", () => {
  it("marks the steps reached and the current one, each said as a plain sentence", () => {
    render(<StatusTimeline status="Paid" history={[entry(null, "Pending", "10:00:00"), entry("Pending", "Paid", "10:00:05")]} />);
    const steps = within(screen.getByRole("list", { name: "Order status" })).getAllByRole("listitem");
    expect(steps.map((s) => s.className)).toEqual(["done", "pending", "done", "pending", "pending"]);
    expect(steps[2]).toHaveAttribute("aria-current", "step");
    expect(steps.map((s) => s.querySelector(".step-name")?.textContent)).toEqual([
      "We've received your order", "We've reserved your items", "Payment received", "Shipped", "Delivered",
    ]);
  });

  it("ends in a cancelled step, with its reason for the back office only", () => {
    const history = [entry("Pending", "Cancelled", "10:00:03", "Card declined")];
    const { unmount } = render(<StatusTimeline status="Cancelled" history={history} details />);
    const steps = screen.getAllByRole("listitem");
    expect(steps).toHaveLength(2);
    expect(steps[1]).toHaveClass("cancelled");
    expect(steps[1]).toHaveTextContent("Card declined");
    unmount();
    render(<StatusTimeline status="Cancelled" history={history} />);
    expect(screen.getAllByRole("listitem")[1]).not.toHaveTextContent("Card declined");
  });

  it("tells the shopper what happened after payment in plain words, with a refund's amount and no internal reasons", () => {
    const at = (t: string) => `2026-11-01T${t}Z`;
    const history: OrderHistoryEntry[] = [
      { from: "Paid", to: "Shipped", trigger: "Ship", actor: "admin:ops", reason: "shipped 1 × MUG-1 with DPD, tracking DPD-1", at: at("11:00:00") },
      { from: "Delivered", to: "Delivered", trigger: "ReturnRejected", actor: "admin:ops", reason: "return rejected: Used item", at: at("12:00:00") },
      { from: "Delivered", to: "Delivered", trigger: "Refunded", actor: "payments", reason: "refund of 12.50 GBP on payment 0b9c [re_1]", at: at("13:00:00") },
    ];
    render(<OrderActivity history={history} />);
    const items = within(screen.getByRole("region", { name: "Shipping, returns and refunds" })).getAllByRole("listitem");
    expect(items[0]).toHaveTextContent("Your parcel is on its way");
    expect(items[1]).toHaveTextContent("We couldn't accept your return: Used item");
    expect(items[2]).toHaveTextContent("We've refunded you: £12.50");
    expect(document.body).not.toHaveTextContent(/MUG-1|re_1|payment 0b9c|return rejected:/);
  });

  it("keeps the time a step was reached when a refund is recorded on it later", () => {
    const refund = { ...entry("Paid", "Paid", "11:30:00", "refund of 100 GBP"), trigger: "Refunded" };
    render(<StatusTimeline status="Paid" history={[entry("Pending", "Paid", "10:00:05"), refund]} />);
    const paid = screen.getAllByRole("listitem")[2];
    expect(paid?.querySelector("time")).toHaveAttribute("dateTime", "2026-11-01T10:00:05Z");
  });
});

describe("SearchBox", () => {
  it("offers suggestions and opens the one chosen with the keyboard", async () => {
    const gateway = fakeGateway({
      "GET /api/products/suggestions": {
        body: [
          { name: "Mug", slug: "mug" },
          { name: "Mug tree", slug: "mug-tree" },
        ],
      },
    });
    const user = userEvent.setup();
    renderPage(<SearchBox />, { path: "/" });
    const box = screen.getByRole("combobox", { name: "Search products" });
    await user.type(box, "mu");
    await screen.findByRole("option", { name: "Mug tree" });
    expect(box).toHaveAttribute("aria-expanded", "true");
    await user.keyboard("{ArrowDown}{ArrowDown}");
    expect(screen.getByRole("option", { name: "Mug tree" })).toHaveAttribute("aria-selected", "true");
    await user.keyboard("{Enter}");
    await screen.findByText("elsewhere");
    expect(gateway.requests.some((r) => r.url.includes("q=mu"))).toBe(true);
  });

  it("searches the catalog for free text", async () => {
    fakeGateway({ "GET /api/products/suggestions": { body: [] } });
    const user = userEvent.setup();
    renderPage(<SearchBox />, { path: "/" });
    await user.type(screen.getByRole("combobox"), "blue jug{Enter}");
    await screen.findByText("elsewhere");
  });
});

describe("RequireRole", () => {
  it("asks a signed-out visitor to sign in", async () => {
    const { auth } = renderPage(<RequireRole role="admin">secret</RequireRole>);
    await userEvent.click(screen.getByRole("button", { name: "Sign in" }));
    expect(auth.signIn).toHaveBeenCalled();
    expect(screen.queryByText("secret")).not.toBeInTheDocument();
  });

  it("refuses a customer and admits an admin", async () => {
    renderPage(<RequireRole role="admin">secret</RequireRole>, { user: shopper });
    expect(screen.getByRole("heading", { name: "Not allowed" })).toBeInTheDocument();
    renderPage(<RequireRole role="admin">secret</RequireRole>, { user: admin });
    await waitFor(() => expect(screen.getByText("secret")).toBeInTheDocument());
  });
});

describe("RecommendedProducts", () => {
  const together = { model: { title: "Bought together", note: "Shoppers who bought this often bought these in the same order." } };
  const forMe = {
    model: { title: "Recommended for you", note: "Picked for you from what you bought before." },
    fallback: { title: "Popular right now", note: "The shop's best-sellers of the last 90 days." },
  };

  it("hides a section it cannot fill honestly: best-sellers are not what was bought together", async () => {
    fakeGateway({ "POST /api/products/lookup": { body: [product({ id: "p-2" })] } });
    const { container } = renderPage(
      <RecommendedProducts queryKey={recommendationKeys.together("p-1")} labels={together}
        load={() => Promise.resolve({ source: "popular", modelVersion: 1, items: [{ productId: "p-2", score: 1 }] })} />,
    );
    await waitFor(() => expect(screen.queryByRole("heading", { name: "Bought together" })).not.toBeInTheDocument());
    expect(container.querySelector("section")).toBeNull();
  });

  it("titles and labels each list by what it is", async () => {
    fakeGateway({ "POST /api/products/lookup": { body: [product({ id: "p-2", name: "Regency Cakestand" })] } });
    renderPage(
      <RecommendedProducts queryKey={recommendationKeys.forMe(undefined)} labels={forMe}
        load={() => Promise.resolve({ source: "fallback", modelVersion: 0, items: [{ productId: "p-2", score: 1 }] })} />,
    );
    expect(await screen.findByRole("heading", { name: "Popular right now" })).toBeInTheDocument();
    expect(screen.getByText("The shop's best-sellers of the last 90 days.")).toBeInTheDocument();
    expect(screen.getByText("Regency Cakestand")).toBeInTheDocument();
    expect(screen.queryByRole("heading", { name: "Recommended for you" })).not.toBeInTheDocument();
  });

  it("hides an empty list and an unavailable AI service", async () => {
    fakeGateway({ "POST /api/products/lookup": { body: [] } });
    renderPage(<RecommendedProducts queryKey={recommendationKeys.together("p-3")} labels={together} load={() => Promise.resolve({ source: "model", modelVersion: 1, items: [] })} />);
    renderPage(<RecommendedProducts queryKey={recommendationKeys.together("p-4")} labels={together} load={() => Promise.reject(new Error("503"))} />);
    await waitFor(() => expect(screen.queryByRole("heading", { name: "Bought together" })).not.toBeInTheDocument());
  });
});
