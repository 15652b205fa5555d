import { useEffect, useId, useRef, useState, type ReactNode } from "react";

/**
 * The second step of a destructive action (cancel an order, refund money): a small inline alert dialog that says what
 * will happen and takes focus on its confirm button; "keep" or Escape closes it and gives focus back.
 */
export function Confirm({ question, confirmLabel, keepLabel, busy = false, onConfirm, onKeep }: {
  question: ReactNode;
  confirmLabel: string;
  keepLabel: string;
  busy?: boolean;
  onConfirm: () => void;
  onKeep: () => void;
}) {
  const id = useId();
  const confirm = useRef<HTMLButtonElement>(null);
  useEffect(() => confirm.current?.focus(), []);
  return (
    <div
      className="confirm"
      role="alertdialog"
      aria-modal="false"
      aria-labelledby={`${id}-q`}
      onKeyDown={(e) => {
        if (e.key === "Escape") onKeep();
      }}
    >
      <p id={`${id}-q`}>{question}</p>
      <div className="actions">
        <button ref={confirm} type="button" className="button danger" disabled={busy} onClick={onConfirm}>
          {confirmLabel}
        </button>
        <button type="button" className="button secondary" onClick={onKeep}>
          {keepLabel}
        </button>
      </div>
    </div>
  );
}

/** A button whose action runs only after the shopper or admin confirms it in a {@link Confirm}. */
export function ConfirmButton({ label, question, confirmLabel, keepLabel, busy, className = "button secondary", onConfirm }: {
  label: string;
  question: ReactNode;
  confirmLabel: string;
  keepLabel: string;
  busy?: boolean;
  className?: string;
  onConfirm: () => void;
}) {
  const [asking, setAsking] = useState(false);
  const [refocus, setRefocus] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (refocus && !asking) trigger.current?.focus();
  }, [refocus, asking]);
  const close = () => {
    setAsking(false);
    setRefocus(true);
  };
  return asking ? (
    <Confirm
      question={question}
      confirmLabel={confirmLabel}
      keepLabel={keepLabel}
      busy={busy}
      onConfirm={() => {
        close();
        onConfirm();
      }}
      onKeep={close}
    />
  ) : (
    <button ref={trigger} type="button" className={className} disabled={busy} onClick={() => {
        setRefocus(false);
        setAsking(true);
      }}>
      {label}
    </button>
  );
}
