import { act } from "@testing-library/react";

// A stand-in for Stripe.js. The real script comes from js.stripe.com, which this machine (and CI) cannot reach and tests
// must not call anyway, so the stand-in takes the script's place on window.Stripe: the storefront's real loader
// (loadStripe from @stripe/stripe-js/pure) finds it as if the script had loaded and passes what it builds to
// <Elements stripe={...}>. It models only what the checkout relies on: a card Element reporting changes, and
// createPaymentMethod answering like Stripe for an incomplete card, a refused card and a good one.

type Handler = (event: unknown) => void;

export interface StripeStandIn {
  /** Calls of createPaymentMethod, in order. */
  createPaymentMethodCalls: number;
  /** Makes the next createPaymentMethod answer like Stripe refusing the card. */
  refuseNextCard: () => void;
  /** The shopper finishes typing a valid card into the card Element. */
  typeCompleteCard: () => void;
  /** Stripe's card frame fails to load inside the page (Stripe.js itself loaded). */
  failCardFrame: () => void;
  /** Whether a card Element is mounted. */
  cardMounted: () => boolean;
}

let current: ReturnType<typeof createStandIn> | null = null;

/** Installs the stand-in as window.Stripe (once per test file: loadStripe caches what it found) and resets its state. */
export function installStripeStandIn(): StripeStandIn {
  current = createStandIn();
  // "endive" is the Stripe.js release @stripe/stripe-js 10 expects; any other version only makes it warn.
  const constructor = Object.assign((_publishableKey: string) => current?.stripe, { version: "endive" });
  Object.assign(window, { Stripe: constructor });
  return current.api;
}

function createStandIn() {
  const handlers = new Map<string, Set<Handler>>();
  let complete = false;
  let refuse = false;
  let mounted = false;
  let created = 0;
  const card = {
    mount: () => void (mounted = true),
    destroy: () => void (mounted = false),
    unmount: () => void (mounted = false),
    update: () => {},
    focus: () => {},
    on: (event: string, handler: Handler) => void (handlers.get(event) ?? handlers.set(event, new Set()).get(event)!).add(handler),
    off: (event: string, handler: Handler) => void handlers.get(event)?.delete(handler),
  };
  const elements = {
    create: (type: string) => {
      if (type !== "card") throw new Error(`the stand-in only makes card Elements, not ${type}`);
      return card;
    },
    getElement: (type: string) => (type === "card" && mounted ? card : null),
    update: () => {},
  };
  const api: StripeStandIn = {
    createPaymentMethodCalls: 0,
    refuseNextCard: () => void (refuse = true),
    typeCompleteCard: () =>
      act(() => {
        complete = true;
        for (const h of handlers.get("change") ?? []) h({ elementType: "card", empty: false, complete: true, error: undefined, brand: "visa", value: { postalCode: "LS1 1AA" } });
      }),
    failCardFrame: () =>
      act(() => {
        for (const h of handlers.get("loaderror") ?? []) h({ elementType: "card", error: { type: "api_error", message: "frame failed" } });
      }),
    cardMounted: () => mounted,
  };
  const stripe = {
    elements: () => elements,
    createPaymentMethod: async ({ card: element }: { type: string; card: unknown }) => {
      api.createPaymentMethodCalls++;
      if (element !== card) throw new Error("createPaymentMethod was not given the mounted card Element");
      if (!complete) return { error: { type: "validation_error", code: "incomplete_number", message: "Your card number is incomplete." } };
      if (refuse) {
        refuse = false;
        return { error: { type: "card_error", code: "card_declined", decline_code: "generic_decline", message: "Your card was declined." } };
      }
      return { paymentMethod: { id: `pm_standin_${++created}`, type: "card" } };
    },
    // Present because react-stripe-js checks for them before accepting a Stripe object; the checkout never calls them.
    createToken: async () => ({ error: { type: "invalid_request_error", message: "not used" } }),
    confirmCardPayment: async () => ({ error: { type: "invalid_request_error", message: "not used" } }),
  };
  return { stripe, api };
}

/** The script tag loadStripe injects for js.stripe.com, if any. */
export const stripeScript = () => document.querySelector<HTMLScriptElement>('script[src^="https://js.stripe.com"]');
