import { afterEach, expect, it, vi } from "vitest";
import { screen, waitFor } from "@testing-library/react";
import { cartLine, fakeCart } from "../../../test/fakeCart";
import CheckoutPage from "../CheckoutPage";
import { fakeGateway, renderPage, shopper } from "../../../test/render";
import { stripeScript } from "../../../test/stripeStandIn";

// Records whether Stripe's packages are ever imported: they must stay out of the checkout unless a publishable key
// is configured (the factories run on first import, so a static import anywhere in the checkout fails this test).
const imported = vi.hoisted(() => new Set<string>());
vi.mock("@stripe/stripe-js/pure", async (importOriginal) => {
  imported.add("@stripe/stripe-js/pure");
  return importOriginal();
});
vi.mock("@stripe/react-stripe-js", async (importOriginal) => {
  imported.add("@stripe/react-stripe-js");
  return importOriginal();
});

afterEach(() => vi.unstubAllGlobals());

it("loads no Stripe code when no publishable key is configured", async () => {
  const cart = fakeCart([cartLine()]);
  fakeGateway({
    ...cart.routes,
    "GET /api/users/me/addresses": { body: [] },
    "GET /api/payments/config": {
      body: { provider: "simulated", simulated: true, publishableKey: null, testPaymentMethods: [{ id: "pm_card_visa", label: "Visa (succeeds)", outcome: "succeeds" }] },
    },
  });
  renderPage(<CheckoutPage />, { user: shopper, path: "/" });
  expect(await screen.findByRole("radio", { name: /Visa/ })).toBeChecked();
  await waitFor(() => expect(screen.getByRole("button", { name: "Place order" })).toBeEnabled());
  expect(screen.queryByRole("radio", { name: "Card" })).not.toBeInTheDocument();
  expect(imported).toEqual(new Set());
  expect(stripeScript()).toBeNull();
});
