import { useEffect, useState, type ComponentType } from "react";
import { CardUnavailable } from "./CardUnavailable";
import type { StripeCardFieldProps } from "./StripeCardField";

/**
 * Card entry, fetched on demand: Stripe's packages are in StripeCardField's chunk, which is imported only when a
 * publishable key is configured and the shopper picks Card, so other pages (and simulated checkouts) never load them.
 */
export function CardPayment(props: StripeCardFieldProps) {
  const [Field, setField] = useState<ComponentType<StripeCardFieldProps> | null>(null);
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    setFailed(false);
    import("./StripeCardField").then(
      (module) => live && setField(() => module.default),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [attempt]);

  if (failed) return <CardUnavailable otherMethods={props.otherMethods} onRetry={() => setAttempt((n) => n + 1)} />;
  if (!Field) return <p className="loading" role="status" aria-live="polite">Loading the secure card form…</p>;
  return <Field {...props} />;
}
