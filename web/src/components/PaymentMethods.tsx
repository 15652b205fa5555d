import type { PaymentsConfig } from "../api/payments";

/** The provider's test methods (Stripe test tokens), labelled "simulated" for the simulated provider so nobody mistakes them for real payments. */
export function PaymentMethods({ config, value, onChange }: { config: PaymentsConfig; value: string; onChange: (token: string) => void }) {
  const simulated = config.simulated;
  // With Stripe live keys there are no test methods, and card entry (Stripe Elements) is not part of this storefront yet.
  if (config.testPaymentMethods.length === 0) return <p>Card payments are not available in this storefront yet.</p>;
  return (
    <>
      {simulated && (
        <p className="notice">
          <strong>Simulated payments:</strong> no card is charged. Pick a test method to choose the outcome.
        </p>
      )}
      {config.testPaymentMethods.map((m) => (
        <label key={m.id} className="check">
          <input type="radio" name="payment" value={m.id} checked={value === m.id} onChange={() => onChange(m.id)} />
          {m.label}
          {m.outcome ? ` — ${m.outcome}` : ""}
          {simulated && <span className="tag">simulated</span>}
        </label>
      ))}
    </>
  );
}
