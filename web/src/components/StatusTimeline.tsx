import type { OrderHistoryEntry } from "../api/orders";

const happyPath = ["Pending", "StockReserved", "Paid", "Shipped", "Delivered"];
const labels: Record<string, string> = { Pending: "Placed", StockReserved: "Items reserved", AwaitingPayment: "Awaiting payment" };

export const statusLabel = (status: string): string => labels[status] ?? status;

/**
 * The order's journey: each step reached with its time, the ones still ahead greyed, a cancellation shown in place.
 * `details` adds each step's recorded reason (reservation and payment ids, who acted): for the back office, not
 * for shoppers, who get the cancellation in plain words from the order page.
 */
export function StatusTimeline({ history, status, details = false }: { history: OrderHistoryEntry[]; status: string; details?: boolean }) {
  // An order starts Pending before any change is recorded; the first entry may be its creation (from: null). Records
  // that change no status (a refund) are not steps and must not replace the time a step was reached.
  const reached = new Map(history.filter((h) => h.from !== h.to).map((h) => [h.to as string, h]));
  const cancelled = reached.get("Cancelled") ?? (status === "Cancelled" ? { to: "Cancelled", at: "", reason: null } : undefined);
  const steps = cancelled ? ["Pending", ...happyPath.slice(1).filter((s) => reached.has(s)), "Cancelled"] : happyPath;
  return (
    <ol className="timeline" aria-label="Order status">
      {steps.map((step) => {
        const change = step === "Cancelled" ? cancelled : reached.get(step);
        const done = Boolean(change) || step === status || step === "Pending";
        return (
          <li key={step} className={done ? (step === "Cancelled" ? "cancelled" : "done") : "pending"} aria-current={step === status ? "step" : undefined}>
            <span className="step-name">{labels[step] ?? step}</span>
            {change?.at && <time dateTime={change.at}>{new Date(change.at).toLocaleString("en-GB")}</time>}
            {details && change?.reason && <span className="step-reason">{change.reason}</span>}
            {!done && <span className="visually-hidden"> (not yet)</span>}
          </li>
        );
      })}
    </ol>
  );
}
