// A stand-in for Stripe.js (https://js.stripe.com/v3), served by the e2e runner in its place: test machines cannot
// reach js.stripe.com, and a test must not call Stripe anyway. It plays the part the checkout relies on: a card
// Element, mounted where the storefront asks, that reports changes like Stripe's, and createPaymentMethod answering
// like Stripe in test mode. Stripe's test card numbers map to Stripe's test PaymentMethods, which the simulated
// provider (and Stripe in test mode) charge with the outcome their names say.
(() => {
  const testCards = { "4242424242424242": "pm_card_visa", "5555555555554444": "pm_card_mastercard", "4000000000000002": "pm_card_chargeDeclined" };

  function createCard() {
    const handlers = {};
    const fire = (event, payload) => (handlers[event] ?? []).forEach((h) => h(payload));
    let input = null;
    const digits = () => (input ? input.value.replace(/\D/g, "") : "");
    return {
      digits,
      mount(target) {
        const host = typeof target === "string" ? document.querySelector(target) : target;
        input = document.createElement("input");
        input.setAttribute("aria-label", "Card number (Stripe stand-in)");
        input.setAttribute("inputmode", "numeric");
        input.addEventListener("input", () => {
          const n = digits();
          fire("change", {
            elementType: "card", empty: n.length === 0, complete: n.length === 16, brand: "unknown", value: { postalCode: "" },
            error: n.length > 16 ? { type: "validation_error", code: "invalid_number", message: "Your card number is invalid." } : undefined,
          });
        });
        host.appendChild(input);
        setTimeout(() => fire("ready", { elementType: "card" }), 0);
      },
      on(event, handler) {
        (handlers[event] ??= []).push(handler);
        return this;
      },
      off(event, handler) {
        handlers[event] = (handlers[event] ?? []).filter((h) => h !== handler);
        return this;
      },
      update() {},
      focus() {
        input?.focus();
      },
      blur() {},
      clear() {
        if (input) input.value = "";
      },
      unmount() {
        input?.remove();
      },
      destroy() {
        input?.remove();
        input = null;
      },
    };
  }

  function Stripe(publishableKey) {
    if (!/^pk_(test|live)_/.test(publishableKey)) throw new Error("Invalid API Key provided");
    let card = null;
    const elements = {
      create(type) {
        if (type !== "card") throw new Error(`the stand-in only makes card Elements, not ${type}`);
        return (card = createCard());
      },
      getElement: (type) => (type === "card" ? card : null),
      update() {},
    };
    return {
      elements: () => elements,
      _registerWrapper() {},
      async createPaymentMethod({ card: element }) {
        const n = element?.digits() ?? "";
        if (n.length < 16) return { error: { type: "validation_error", code: "incomplete_number", message: "Your card number is incomplete." } };
        const id = testCards[n];
        if (!id) return { error: { type: "card_error", code: "card_declined", message: "Your card was declined." } };
        return { paymentMethod: { id, type: "card" } };
      },
      createToken: async () => ({ error: { type: "invalid_request_error", message: "not used" } }),
      confirmCardPayment: async () => ({ error: { type: "invalid_request_error", message: "not used" } }),
    };
  }
  Stripe.version = "endive";
  window.Stripe = Stripe;
})();
