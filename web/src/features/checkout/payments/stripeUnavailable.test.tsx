import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { cartLine, fakeCart } from "../../../test/fakeCart";
import CheckoutPage from "../CheckoutPage";
import { fakeGateway, renderPage, shopper } from "../../../test/render";
import { installStripeStandIn, stripeScript } from "../../../test/stripeStandIn";

// Its own file because loadStripe remembers a loaded Stripe.js for the whole module: here nothing has loaded yet, so
// the real loader injects js.stripe.com's script tag and the test fails it the way an unreachable host does.

let cart = fakeCart();
const savedAddress = {
  id: "a1", label: "Home", recipient: "Ada", line1: "1 High St", line2: null, city: "Leeds", postcode: "LS1 1AA",
  region: null, country: "GB", phone: null, isDefaultShipping: true, isDefaultBilling: true,
};
const config = { provider: "stripe", simulated: false, publishableKey: "pk_test_standin", testPaymentMethods: [{ id: "pm_card_visa", label: "Visa (succeeds)", outcome: "succeeds" }] };

beforeEach(() => {
  cart = fakeCart([cartLine({ quantity: 1 })]);
});
afterEach(() => {
  vi.unstubAllGlobals();
  stripeScript()?.remove();
});

/** Fires `type` on each script tag loadStripe injects (it retries once with a fresh tag), as the browser would. */
async function stripeScriptAnswers(type: "error" | "load", times: number) {
  let previous: HTMLScriptElement | null = null;
  for (let i = 0; i < times; i++) {
    const script: HTMLScriptElement = await waitFor(() => {
      const s = stripeScript();
      if (!s || s === previous) throw new Error("waiting for loadStripe to inject js.stripe.com's script");
      return s;
    });
    expect(script.src).toMatch(/^https:\/\/js\.stripe\.com\//);
    script.dispatchEvent(new Event(type));
    previous = script;
  }
}

describe("Card payment when Stripe.js cannot be loaded", () => {
  it("says the card form is unavailable, places no card order, and the test methods still work", async () => {
    const gateway = fakeGateway({
      ...cart.routes,
      "GET /api/users/me/addresses": { body: [savedAddress] },
      "GET /api/payments/config": { body: config },
      "POST /api/orders": { status: 201, body: { id: "o1", status: "Pending" } },
    });
    const user = userEvent.setup();
    renderPage(<CheckoutPage />, { user: shopper, path: "/" });
    await stripeScriptAnswers("error", 2);
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Card payment is unavailable: the secure card form from Stripe could not be loaded. Check your connection and try again, or choose another payment method.",
    );
    await waitFor(() => expect(screen.getByRole("button", { name: "Place order" })).toBeEnabled());
    await user.click(screen.getByRole("button", { name: "Place order" }));
    expect(await screen.findByText(/Your order was not placed: The card form has not loaded/)).toBeInTheDocument();
    expect(gateway.requests.some((r) => r.url === "/api/orders")).toBe(false);

    await user.click(screen.getByRole("radio", { name: /Test card: Visa/ }));
    await user.click(screen.getByRole("button", { name: "Place order" }));
    await screen.findByText("elsewhere");
    expect(gateway.requests.filter((r) => r.url === "/api/orders").map((r) => r.body)).toEqual([
      { addressId: "a1", paymentMethod: "pm_card_visa", shippingMethod: "uk-standard", quoteFingerprint: cart.quote("").fingerprint },
    ]);
  });

  it("loads the card form when the shopper retries and Stripe.js answers", async () => {
    fakeGateway({
      ...cart.routes,
      "GET /api/users/me/addresses": { body: [savedAddress] },
      "GET /api/payments/config": { body: { ...config, testPaymentMethods: [] } },
    });
    const user = userEvent.setup();
    renderPage(<CheckoutPage />, { user: shopper, path: "/" });
    await stripeScriptAnswers("error", 2);
    expect(await screen.findByRole("alert")).toHaveTextContent(/Check your connection and try again\.Load the card form again$/);
    await user.click(screen.getByRole("button", { name: "Load the card form again" }));
    installStripeStandIn();
    await stripeScriptAnswers("load", 1);
    expect(await screen.findByRole("group", { name: "Card details" })).toBeInTheDocument();
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });
});
