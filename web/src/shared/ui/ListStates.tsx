import type { ReactNode } from "react";

/**
 * A list's rows while they load: shaded bars of a row's height, announced once as loading. The page keeps roughly the
 * shape it will have, so the form or pager below the list does not jump when the rows arrive.
 */
export function ListSkeleton({ rows = 3, label = "Loading…" }: { rows?: number; label?: string }) {
  return (
    <div className="list-skeleton" role="status" aria-live="polite">
      <span className="visually-hidden">{label}</span>
      {Array.from({ length: rows }, (_, i) => (
        <span key={i} className="skeleton-row" aria-hidden="true" />
      ))}
    </div>
  );
}

/** What an empty list says, and the one thing to do next (a link or button), set apart so it reads as a state. */
export function EmptyState({ children, action }: { children: ReactNode; action?: ReactNode }) {
  return (
    <div className="empty-state">
      <p>{children}</p>
      {action}
    </div>
  );
}
