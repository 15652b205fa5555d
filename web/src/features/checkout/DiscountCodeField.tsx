import { useState } from "react";
import type { QuoteView } from "../cart";

/** The discount code box: the code applies when the shopper presses Apply; Orders' quote says whether it counts. */
export function DiscountCodeField({
  code,
  onApply,
  message,
  quote,
}: {
  code: string;
  onApply: (code: string) => void;
  message?: string;
  quote?: QuoteView;
}) {
  const [text, setText] = useState("");
  return (
    <fieldset>
      <legend>Discount code</legend>
      <div className="inline-form">
        <label className="field">
          <span>Code</span>
          <input
            value={text}
            maxLength={40}
            aria-invalid={message ? true : undefined}
            aria-describedby={message ? "code-error" : undefined}
            onChange={(e) => setText(e.target.value)}
          />
        </label>
        <button type="button" className="button secondary" onClick={() => onApply(text.trim())}>
          Apply
        </button>
        {code && (
          <button type="button" className="link-button" onClick={() => (onApply(""), setText(""))}>
            Remove code
          </button>
        )}
      </div>
      {message && (
        <p id="code-error" className="notice" role="alert">
          {message}
        </p>
      )}
      {quote?.discountCode && <p className="hint">{quote.discountDescription} applied.</p>}
    </fieldset>
  );
}
