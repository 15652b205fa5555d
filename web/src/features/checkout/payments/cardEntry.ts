// What the checkout knows about card entry, kept free of Stripe imports so that importing it never pulls Stripe.js
// into a bundle: the Stripe code lives in StripeCardField.tsx, loaded only when the shopper chooses Card.

/** The payment option value for "pay with a card typed into Stripe Elements" (not a token the server understands). */
export const cardOption = "card";

/** Turns the card the shopper typed into a Stripe PaymentMethod id (`pm_...`); throws CardEntryError when it cannot. */
export type CreatePaymentMethod = () => Promise<string>;

/** A card problem the shopper can fix (incomplete number, card refused at creation, Stripe.js unreachable). */
export class CardEntryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CardEntryError";
  }
}
