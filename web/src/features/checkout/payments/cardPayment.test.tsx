import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { cartLine, fakeCart } from "../../../test/fakeCart";
import CheckoutPage from "../CheckoutPage";
import { fakeGateway, renderPage, shopper, type RecordedRequest } from "../../../test/render";
import { installStripeStandIn, type StripeStandIn } from "../../../test/stripeStandIn";

let cart = fakeCart();
const savedAddress = {
  id: "a1", label: "Home", recipient: "Ada", line1: "1 High St", line2: null, city: "Leeds", postcode: "LS1 1AA",
  region: null, country: "GB", phone: null, isDefaultShipping: true, isDefaultBilling: true,
};
const visa = { id: "pm_card_visa", label: "Visa (succeeds)", outcome: "succeeds" };
const stripeTestMode = { provider: "stripe", simulated: false, publishableKey: "pk_test_standin", testPaymentMethods: [visa] };
const stripeLive = { provider: "stripe", simulated: false, publishableKey: "pk_live_standin", testPaymentMethods: [] };

let stripe: StripeStandIn;
beforeEach(() => {
  cart = fakeCart([cartLine({ quantity: 2 })]);
  stripe = installStripeStandIn();
});
afterEach(() => vi.unstubAllGlobals());

function checkoutWith(config: unknown, placeOrder: (r: RecordedRequest) => { status?: number; body?: unknown } = () => ({ status: 201, body: { id: "o1", status: "Pending" } })) {
  const gateway = fakeGateway({
    ...cart.routes,
    "GET /api/users/me/addresses": { body: [savedAddress] },
    "GET /api/payments/config": { body: config },
    "POST /api/orders": placeOrder,
  });
  renderPage(<CheckoutPage />, { user: shopper, path: "/" });
  return { orders: () => gateway.requests.filter((r) => r.url === "/api/orders" && r.method === "POST") };
}

async function cardFormShown() {
  await screen.findByRole("radio", { name: /Home: Ada/ });
  expect(screen.getByRole("radio", { name: "Card" })).toBeChecked();
  await screen.findByRole("group", { name: "Card details" });
  await waitFor(() => expect(stripe.cardMounted()).toBe(true));
  await waitFor(() => expect(screen.getByRole("button", { name: "Place order" })).toBeEnabled());
}

describe("Card payment with Stripe Elements", () => {
  it("sends the PaymentMethod id Stripe made for the card, and a retry reuses it and the Idempotency-Key", async () => {
    let attempts = 0;
    const checkout = checkoutWith(stripeTestMode, () => (++attempts === 1 ? { status: 503 } : { status: 201, body: { id: "o1", status: "Pending" } }));
    const user = userEvent.setup();
    await cardFormShown();
    // Stripe test mode keeps the test methods on offer beside the card.
    expect(screen.getByRole("radio", { name: /Test card: Visa/ })).toBeInTheDocument();
    stripe.typeCompleteCard();
    await user.click(screen.getByRole("button", { name: "Place order" }));
    expect(await screen.findByText(/Your order was not placed/)).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Place order" }));
    await screen.findByText("elsewhere");
    const [first, second] = checkout.orders();
    expect(checkout.orders()).toHaveLength(2);
    expect(first?.body).toEqual({ addressId: "a1", paymentMethod: "pm_standin_1", shippingMethod: "uk-standard", quoteFingerprint: cart.quote("").fingerprint });
    expect(second?.body).toEqual(first?.body);
    expect(second?.headers["Idempotency-Key"]).toBe(first?.headers["Idempotency-Key"]);
    expect(stripe.createPaymentMethodCalls).toBe(1);
  });

  it("makes a new PaymentMethod, and so a new Idempotency-Key, once the shopper edits the card", async () => {
    let attempts = 0;
    const checkout = checkoutWith(stripeTestMode, () => (++attempts === 1 ? { status: 503 } : { status: 201, body: { id: "o1", status: "Pending" } }));
    const user = userEvent.setup();
    await cardFormShown();
    stripe.typeCompleteCard();
    await user.click(screen.getByRole("button", { name: "Place order" }));
    expect(await screen.findByText(/Your order was not placed/)).toBeInTheDocument();
    stripe.typeCompleteCard();
    await user.click(screen.getByRole("button", { name: "Place order" }));
    await screen.findByText("elsewhere");
    const [first, second] = checkout.orders();
    expect([first?.body, second?.body].map((b) => (b as { paymentMethod: string }).paymentMethod)).toEqual(["pm_standin_1", "pm_standin_2"]);
    expect(second?.headers["Idempotency-Key"]).not.toBe(first?.headers["Idempotency-Key"]);
  });

  it("saves a new address once and keeps the Idempotency-Key when a card order is retried", async () => {
    let attempts = 0;
    let saves = 0;
    const gateway = fakeGateway({
      ...cart.routes,
      "GET /api/users/me/addresses": { body: [] },
      // Each save makes a new address, as Users does.
      "POST /api/users/me/addresses": () => ({ status: 201, body: { ...savedAddress, id: `a${++saves}` } }),
      "GET /api/payments/config": { body: stripeLive },
      "POST /api/orders": () => (++attempts === 1 ? { status: 503 } : { status: 201, body: { id: "o1", status: "Pending" } }),
    });
    const user = userEvent.setup();
    renderPage(<CheckoutPage />, { user: shopper, path: "/" });
    await user.type(await screen.findByLabelText("Full name"), "Ada");
    await user.type(screen.getByLabelText("Address line 1"), "1 High St");
    await user.type(screen.getByLabelText("Town or city"), "Leeds");
    await user.type(screen.getByLabelText("Postcode"), "LS1 1AA");
    await screen.findByRole("group", { name: "Card details" });
    await waitFor(() => expect(stripe.cardMounted()).toBe(true));
    stripe.typeCompleteCard();
    await user.click(screen.getByRole("button", { name: "Place order" }));
    expect(await screen.findByText(/Your order was not placed/)).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Place order" }));
    await screen.findByText("elsewhere");
    const orders = gateway.requests.filter((r) => r.url === "/api/orders");
    expect(gateway.requests.filter((r) => r.url === "/api/users/me/addresses" && r.method === "POST")).toHaveLength(1);
    expect(orders).toHaveLength(2);
    expect(orders[1]?.body).toEqual(orders[0]?.body);
    expect(orders[1]?.headers["Idempotency-Key"]).toBe(orders[0]?.headers["Idempotency-Key"]);
  });

  it("places one order when Place order is submitted twice at once", async () => {
    const checkout = checkoutWith(stripeTestMode);
    await cardFormShown();
    stripe.typeCompleteCard();
    const form = screen.getByRole("button", { name: "Place order" }).closest("form")!;
    act(() => {
      fireEvent.submit(form);
      fireEvent.submit(form);
    });
    await screen.findByText("elsewhere");
    expect(checkout.orders()).toHaveLength(1);
    expect(stripe.createPaymentMethodCalls).toBe(1);
  });

  it("says an incomplete card is incomplete, next to the card, and sends no order", async () => {
    const checkout = checkoutWith(stripeTestMode);
    const user = userEvent.setup();
    await cardFormShown();
    await user.click(screen.getByRole("button", { name: "Place order" }));
    const card = screen.getByRole("group", { name: "Card details" });
    await waitFor(() => expect(card).toHaveAccessibleDescription("Your card number is incomplete."));
    const alerts = await screen.findAllByRole("alert");
    expect(alerts.map((a) => a.textContent)).toEqual(
      expect.arrayContaining(["Your card number is incomplete.", expect.stringMatching(/Your order was not placed: Your card number is incomplete/)]),
    );
    expect(checkout.orders()).toHaveLength(0);
    // Once the card is complete the same form goes through.
    stripe.typeCompleteCard();
    expect(within(card.parentElement!).queryByRole("alert")).not.toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Place order" }));
    await screen.findByText("elsewhere");
    expect(checkout.orders().map((r) => (r.body as { paymentMethod: string }).paymentMethod)).toEqual(["pm_standin_1"]);
  });

  it("shows Stripe's refusal of the card as an alert and sends no order", async () => {
    const checkout = checkoutWith(stripeLive);
    const user = userEvent.setup();
    await cardFormShown();
    stripe.typeCompleteCard();
    stripe.refuseNextCard();
    await user.click(screen.getByRole("button", { name: "Place order" }));
    await waitFor(() =>
      expect(screen.getAllByRole("alert").map((a) => a.textContent)).toEqual(
        expect.arrayContaining(["Your card was declined.", expect.stringMatching(/Your order was not placed: Your card was declined\./)]),
      ),
    );
    expect(checkout.orders()).toHaveLength(0);
  });

  it("says so when Stripe's card frame fails to load, and loads it again on request", async () => {
    const checkout = checkoutWith(stripeLive);
    const user = userEvent.setup();
    await cardFormShown();
    stripe.failCardFrame();
    expect(await screen.findByRole("alert")).toHaveTextContent(/^Card payment is unavailable: the secure card form from Stripe could not be loaded\. Check your connection and try again\./);
    expect(stripe.cardMounted()).toBe(false);
    await user.click(screen.getByRole("button", { name: "Place order" }));
    expect(await screen.findByText(/Your order was not placed: The card form has not loaded/)).toBeInTheDocument();
    expect(checkout.orders()).toHaveLength(0);
    await user.click(screen.getByRole("button", { name: "Load the card form again" }));
    await screen.findByRole("group", { name: "Card details" });
    await waitFor(() => expect(stripe.cardMounted()).toBe(true));
  });

  it("offers only Card with live keys, and no test methods", async () => {
    checkoutWith(stripeLive);
    await cardFormShown();
    expect(screen.getAllByRole("radio", { name: /./ }).filter((r) => r.getAttribute("name") === "payment")).toHaveLength(1);
    expect(screen.queryByText(/not available in this storefront/)).not.toBeInTheDocument();
  });
});
