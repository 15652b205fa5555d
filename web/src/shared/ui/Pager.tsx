/**
 * "Show more" for a cursor-paged list (every list endpoint answers `{ items, next }`): shown while there is a next
 * page, disabled while it loads. Pass a `useInfiniteQuery` result's `hasNextPage`, `isFetchingNextPage` and `fetchNextPage`.
 */
export function Pager({ hasNext, loading, onNext, label = "Show more" }: { hasNext: boolean; loading: boolean; onNext: () => void; label?: string }) {
  if (!hasNext) return null;
  return (
    <p className="pager">
      <button type="button" className="button secondary" disabled={loading} onClick={onNext}>
        {loading ? "Loading…" : label}
      </button>
    </p>
  );
}
