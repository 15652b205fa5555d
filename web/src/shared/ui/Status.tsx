import { ApiError } from "../api/http";

/** A polite loading message that keeps its place (no layout shift when content replaces it). */
export function Loading({ label = "Loading…" }: { label?: string }) {
  return (
    <p className="loading" role="status" aria-live="polite">
      {label}
    </p>
  );
}

export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 401) return "Please sign in to continue.";
    return error.message;
  }
  if (error instanceof TypeError) return "The store could not be reached. Check your connection and try again.";
  return error instanceof Error ? error.message : "Something went wrong.";
}

/** An error shown to the shopper with an optional retry; announced to screen readers. */
export function ErrorMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return (
    <div className="error" role="alert">
      <p>{describeError(error)}</p>
      {onRetry && (
        <button type="button" className="button secondary" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
