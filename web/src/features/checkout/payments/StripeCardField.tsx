import { useCallback, useEffect, useId, useRef, useState } from "react";
import { CardElement, Elements, useElements, useStripe } from "@stripe/react-stripe-js";
import type { Stripe, StripeError } from "@stripe/stripe-js";
// The pure entry point injects js.stripe.com's script only when loadStripe is called, not on import.
import { loadStripe } from "@stripe/stripe-js/pure";
import { CardEntryError, type CreatePaymentMethod } from "./cardEntry";
import { CardUnavailable } from "./CardUnavailable";

export interface StripeCardFieldProps {
  publishableKey: string;
  /** Whether other payment methods are on offer (named in the "unavailable" message). */
  otherMethods: boolean;
  /** Receives the function that turns the typed card into a PaymentMethod id, or null while there is none. */
  onReady: (create: CreatePaymentMethod | null) => void;
}

type Load = { state: "loading" } | { state: "ready"; stripe: Stripe } | { state: "failed" };

/** Stripe's card Element. Loaded lazily (this module is its own chunk) so only shoppers paying by card download Stripe. */
export default function StripeCardField({ publishableKey, otherMethods, onReady }: StripeCardFieldProps) {
  const [load, setLoad] = useState<Load>({ state: "loading" });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    setLoad({ state: "loading" });
    // loadStripe rejects when the script cannot be fetched, and resolves null only outside a browser.
    loadStripe(publishableKey).then(
      (stripe) => live && setLoad(stripe ? { state: "ready", stripe } : { state: "failed" }),
      () => live && setLoad({ state: "failed" }),
    );
    return () => {
      live = false;
    };
  }, [publishableKey, attempt]);

  if (load.state === "failed") return <CardUnavailable otherMethods={otherMethods} onRetry={() => setAttempt((n) => n + 1)} />;
  if (load.state === "loading") return <p className="loading" role="status" aria-live="polite">Loading the secure card form…</p>;
  return (
    <Elements stripe={load.stripe}>
      {/* Stripe.js loaded but its card frame did not (hooks.stripe.com blocked, say): the same message and retry. */}
      <CardField onReady={onReady} onLoadError={() => setLoad({ state: "failed" })} />
    </Elements>
  );
}

function CardField({ onReady, onLoadError }: { onReady: StripeCardFieldProps["onReady"]; onLoadError: () => void }) {
  const stripe = useStripe();
  const elements = useElements();
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  // The PaymentMethod made from the card as it is now. A resubmit of the same order reuses it, so the checkout body,
  // and with it the Idempotency-Key, stays the same and Orders places one order; editing the card forgets it.
  const created = useRef<Promise<string> | null>(null);

  const create = useCallback<CreatePaymentMethod>(() => {
    if (created.current) return created.current;
    const card = elements?.getElement("card");
    if (!stripe || !card) return Promise.reject(new CardEntryError("The card form is still loading. Please try again in a moment."));
    const attempt = stripe.createPaymentMethod({ type: "card", card }).then((result) => {
      if (result.error) throw new CardEntryError(describeStripeError(result.error));
      return result.paymentMethod.id;
    });
    created.current = attempt;
    attempt.then(
      () => setError(null),
      (e: unknown) => {
        if (created.current === attempt) created.current = null;
        setError(e instanceof Error ? e.message : "The card could not be used.");
      },
    );
    return attempt;
  }, [stripe, elements]);

  useEffect(() => {
    onReady(stripe && elements ? create : null);
    return () => onReady(null);
  }, [stripe, elements, create, onReady]);

  const errorId = `${id}-error`;
  return (
    <div className="field">
      <span id={`${id}-label`}>Card details</span>
      <div className="card-input" role="group" aria-labelledby={`${id}-label`} aria-describedby={error ? errorId : undefined} aria-invalid={error ? true : undefined}>
        <CardElement
          options={cardStyle}
          onLoadError={onLoadError}
          onChange={(e) => {
            created.current = null;
            setError(e.error ? e.error.message : null);
          }}
        />
      </div>
      {error && (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

// The iframe cannot see the page's CSS, so the colours of styles.css (--ink, --muted, --danger) are repeated here.
const cardStyle = {
  style: {
    base: { color: "#1a1a1a", fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif", fontSize: "16px", "::placeholder": { color: "#4b5563" } },
    invalid: { color: "#b91c1c", iconColor: "#b91c1c" },
  },
};

/** Stripe's own messages are written for shoppers ("Your card number is incomplete."); others get a plain frame. */
function describeStripeError(error: StripeError): string {
  if (error.type === "validation_error" || error.type === "card_error") return error.message ?? "Please check your card details.";
  return `Stripe could not accept the card right now${error.message ? ` (${error.message})` : ""}. Please try again.`;
}
