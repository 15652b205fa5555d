import type { ReactNode } from "react";
import { ApiError } from "../../shared/api/http";

/** The server's message for a field of a failed save (RFC 7807 `errors`), or undefined. */
export function fieldErrorOf(error: unknown): (field: string) => string | undefined {
  return (field) => (error instanceof ApiError ? error.fieldError(field) : undefined);
}

/** A 409 from a save made on a version someone else has since changed. */
export const isVersionConflict = (error: unknown): boolean => error instanceof ApiError && error.status === 409;

interface FieldProps {
  /** The input's id; the error's id is `${id}-error`. */
  id: string;
  label: string;
  error?: string;
  hint?: string;
  children: (describedBy: { "aria-invalid"?: true; "aria-describedby"?: string }) => ReactNode;
}

/**
 * A labelled back-office field with its hint and the server's error beside it; the input is marked invalid and
 * described by the error, so a screen reader reads the message with the field.
 */
export function AdminField({ id, label, error, hint, children }: FieldProps) {
  const described = [hint ? `${id}-hint` : undefined, error ? `${id}-error` : undefined].filter(Boolean).join(" ");
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ "aria-invalid": error ? true : undefined, "aria-describedby": described || undefined })}
      {hint && (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      )}
      {error && (
        <span id={`${id}-error`} className="field-error">
          {error}
        </span>
      )}
    </div>
  );
}

/** The outcome of a failed save, announced: a version conflict in plain words, otherwise the server's reason. */
export function SaveError({ error, what }: { error: unknown; what: string }) {
  if (!error) return null;
  const conflict = isVersionConflict(error);
  const invalid = error instanceof ApiError && error.status === 400 && error.problem.errors;
  return (
    <div className="error" role="alert">
      <p>
        {conflict
          ? `Someone else changed this ${what} while you were editing it. Close the form and open it again to see their changes, then apply yours.`
          : invalid
            ? "Some fields need correcting; each error is shown beside its field."
            : error instanceof Error
              ? error.message
              : "The change was not saved."}
      </p>
    </div>
  );
}

/** "" → null, otherwise the number (NaN is sent as null, so the server names the field). */
export function numberOrNull(text: string): number | null {
  if (text.trim() === "") return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

export const textOf = (value: number | null | undefined): string => (value === null || value === undefined ? "" : String(value));
