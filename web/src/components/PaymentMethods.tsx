import type { PaymentsConfig } from "../api/payments";
import { CardPayment } from "../payments/CardPayment";
import { cardOption, type CreatePaymentMethod } from "../payments/cardEntry";

/**
 * The payment options: "Card" (Stripe Elements) whenever Stripe's publishable key is configured, plus the provider's
 * test methods (Stripe test tokens) in test mode, labelled "simulated" for the simulated provider so nobody mistakes
 * them for real payments.
 */
export function PaymentMethods({ config, value, onChange, onCardReady }: {
  config: PaymentsConfig;
  value: string;
  onChange: (option: string) => void;
  onCardReady: (create: CreatePaymentMethod | null) => void;
}) {
  const simulated = config.simulated;
  const card = Boolean(config.publishableKey);
  if (!card && config.testPaymentMethods.length === 0) return <p>No payment method is configured for this store.</p>;
  return (
    <>
      {simulated && (
        <p className="notice">
          <strong>Simulated payments:</strong> no card is charged. Pick a test method to choose the outcome.
        </p>
      )}
      {card && (
        <>
          <label className="check">
            <input type="radio" name="payment" value={cardOption} checked={value === cardOption} onChange={() => onChange(cardOption)} />
            Card
          </label>
          {value === cardOption && config.publishableKey && (
            <CardPayment publishableKey={config.publishableKey} otherMethods={config.testPaymentMethods.length > 0} onReady={onCardReady} />
          )}
        </>
      )}
      {config.testPaymentMethods.map((m) => (
        <label key={m.id} className="check">
          <input type="radio" name="payment" value={m.id} checked={value === m.id} onChange={() => onChange(m.id)} />
          {m.label}
          {m.outcome ? ` — ${m.outcome}` : ""}
          {simulated && <span className="tag">simulated</span>}
          {!simulated && <span className="tag">test</span>}
        </label>
      ))}
    </>
  );
}
