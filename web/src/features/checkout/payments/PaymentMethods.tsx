import type { PaymentsConfig } from "./api";
import { CardPayment } from "./CardPayment";
import { cardOption, type CreatePaymentMethod } from "./cardEntry";

/**
 * Shopper words for the provider's test methods (Stripe's test tokens): what each card is and what it will do,
 * never the provider's reason codes. A method not listed here shows the label Payments gives it.
 */
const testMethodWords: Record<string, string> = {
  pm_card_visa: "Test card: Visa, the payment goes through",
  pm_card_mastercard: "Test card: Mastercard, the payment goes through",
  pm_card_chargeDeclined: "Test card: declined by the bank, so you can then try paying another way",
  pm_card_authenticationRequired: "Test card: your bank asks you to confirm the payment (3-D Secure)",
  pm_card_delayedFailure: "Test card: accepted at first, then the bank turns it down a few seconds later",
};

export const testMethodLabel = (method: { id: string; label: string }): string => testMethodWords[method.id] ?? method.label;

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
          {testMethodLabel(m)}
          {simulated && <span className="tag">simulated</span>}
          {!simulated && <span className="tag">test</span>}
        </label>
      ))}
    </>
  );
}
