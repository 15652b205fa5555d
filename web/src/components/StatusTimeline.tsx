import type { StatusChange } from "../api/orders";

const happyPath = ["Placed", "StockReserved", "Paid", "Shipped", "Delivered"];
const labels: Record<string, string> = { StockReserved: "Stock reserved" };

/** The order's journey: each step reached with its time, the ones still ahead greyed, a cancellation shown in place. */
export function StatusTimeline({ history, status }: { history: StatusChange[]; status: string }) {
  const reached = new Map(history.map((h) => [h.status, h]));
  const cancelled = history.find((h) => h.status === "Cancelled") ?? (status === "Cancelled" ? { status, at: "" } : undefined);
  const steps = cancelled ? [...happyPath.filter((s) => reached.has(s)), "Cancelled"] : happyPath;
  return (
    <ol className="timeline" aria-label="Order status">
      {steps.map((step) => {
        const change = step === "Cancelled" ? cancelled : reached.get(step);
        const done = Boolean(change) || step === status;
        return (
          <li key={step} className={done ? (step === "Cancelled" ? "cancelled" : "done") : "pending"} aria-current={step === status ? "step" : undefined}>
            <span className="step-name">{labels[step] ?? step}</span>
            {change?.at && <time dateTime={change.at}>{new Date(change.at).toLocaleString("en-GB")}</time>}
            {change?.reason && <span className="step-reason">{change.reason}</span>}
            {!done && <span className="visually-hidden"> (not yet)</span>}
          </li>
        );
      })}
    </ol>
  );
}
