import type { PaymentsConfig } from "../api/payments";

/** The simulated provider's test methods, labelled so nobody mistakes them for real payments. */
export function PaymentMethods({ config, value, onChange }: { config: PaymentsConfig; value: string; onChange: (token: string) => void }) {
  const simulated = config.provider !== "stripe";
  if (config.testMethods.length === 0) return <p>No payment methods are configured.</p>;
  return (
    <>
      {simulated && (
        <p className="notice">
          <strong>Simulated payments:</strong> no card is charged. Pick a test method to choose the outcome.
        </p>
      )}
      {config.testMethods.map((m) => (
        <label key={m.token} className="check">
          <input type="radio" name="payment" value={m.token} checked={value === m.token} onChange={() => onChange(m.token)} />
          {m.label}
          {m.outcome ? ` — ${m.outcome}` : ""}
          {simulated && <span className="tag">simulated</span>}
        </label>
      ))}
    </>
  );
}
