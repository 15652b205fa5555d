import { useId } from "react";

/**
 * A guest's e-mail address, and the honeypot: a "website" field people never see (it is off-screen, hidden from
 * assistive technology and skipped by Tab) but form-filling bots do, so Orders refuses an order that fills it.
 */
export function GuestContactFields({
  email,
  website,
  onEmail,
  onWebsite,
  error,
}: {
  email: string;
  website: string;
  onEmail: (value: string) => void;
  onWebsite: (value: string) => void;
  error?: string;
}) {
  const id = useId();
  return (
    <fieldset>
      <legend>Your e-mail address</legend>
      <div className="field">
        <label htmlFor={`${id}-email`}>E-mail address</label>
        <input
          id={`${id}-email`}
          name="email"
          type="email"
          required
          autoComplete="email"
          maxLength={254}
          value={email}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-email-error` : `${id}-email-hint`}
          onChange={(e) => onEmail(e.target.value)}
        />
        {error ? (
          <span id={`${id}-email-error`} className="field-error">
            {error}
          </span>
        ) : (
          <span id={`${id}-email-hint`} className="hint">
            Your order is sent here. Create an account with this address and verify it, and the order moves into your account.
          </span>
        )}
      </div>
      <div className="honeypot" aria-hidden="true">
        <label htmlFor={`${id}-website`}>Website</label>
        <input id={`${id}-website`} name="website" tabIndex={-1} autoComplete="off" value={website} onChange={(e) => onWebsite(e.target.value)} />
      </div>
    </fieldset>
  );
}
