import type { OrderHistoryEntry } from "./api";
import { Money } from "../../shared/ui/Money";
import { activityWords, statusLabel, statusSentence } from "./orderWords";

export { statusLabel } from "./orderWords";

const happyPath = ["Pending", "StockReserved", "Paid", "Shipped", "Delivered"];

/**
 * The order's journey: each step reached with its time, the ones still ahead greyed, a cancellation shown in place.
 * `details` is the back office's view: short status names and each step's recorded reason (reservation and payment
 * ids, who acted). Shoppers read each step as a plain sentence and get the cancellation in words from the order page.
 */
export function StatusTimeline({ history, status, details = false }: { history: OrderHistoryEntry[]; status: string; details?: boolean }) {
  // An order starts Pending before any change is recorded; the first entry may be its creation (from: null). Records
  // that change no status (a refund) are not steps and must not replace the time a step was reached.
  const reached = new Map(history.filter((h) => h.from !== h.to).map((h) => [h.to as string, h]));
  const cancelled = reached.get("Cancelled") ?? (status === "Cancelled" ? { to: "Cancelled", at: "", reason: null } : undefined);
  // An order shipped in parts shows the step; one shipped at once never passes through it.
  const path = reached.has("PartiallyShipped") || status === "PartiallyShipped" ? [...happyPath.slice(0, 3), "PartiallyShipped", ...happyPath.slice(3)] : happyPath;
  const steps = cancelled ? ["Pending", ...path.slice(1).filter((s) => reached.has(s)), "Cancelled"] : path;
  return (
    <ol className="timeline" aria-label="Order status">
      {steps.map((step) => {
        const change = step === "Cancelled" ? cancelled : reached.get(step);
        const done = Boolean(change) || step === status || step === "Pending";
        return (
          <li key={step} className={done ? (step === "Cancelled" ? "cancelled" : "done") : "pending"} aria-current={step === status ? "step" : undefined}>
            <span className="step-name">{details ? statusLabel(step) : statusSentence(step)}</span>
            {change?.at && <time dateTime={change.at}>{new Date(change.at).toLocaleString("en-GB")}</time>}
            {details && change?.reason && <span className="step-reason">{change.reason}</span>}
            {!done && <span className="visually-hidden"> (not yet)</span>}
          </li>
        );
      })}
    </ol>
  );
}

/**
 * What happened to the order besides its status: each parcel sent and delivered, each return step and refund, in
 * order, each as a plain sentence (Orders' recorded reasons are for the back office; a refund shows its amount).
 */
export function OrderActivity({ history }: { history: OrderHistoryEntry[] }) {
  const entries = history.flatMap((h) => {
    const words = activityWords(h);
    return words ? [{ h, words }] : [];
  });
  if (entries.length === 0) return null;
  return (
    <section aria-labelledby="order-activity">
      <h2 id="order-activity">Shipping, returns and refunds</h2>
      <ol className="activity">
        {entries.map(({ h, words }, i) => (
          <li key={`${h.at}-${i}`}>
            <time dateTime={h.at}>{new Date(h.at).toLocaleString("en-GB")}</time> <strong>{words.title}</strong>
            {words.amount && (
              <>
                : <Money amount={words.amount.value} currency={words.amount.currency} />
              </>
            )}
            {words.detail && `: ${words.detail}`}
          </li>
        ))}
      </ol>
    </section>
  );
}
