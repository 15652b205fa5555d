import { useEffect, useRef, useState, type RefObject } from "react";

export interface ActiveFilter {
  key: string;
  label: string;
  remove: () => void;
}

/**
 * The filters in force as chips, each a button that removes it, and "Clear all". Shown above the results, so on a
 * phone they are visible without opening the drawer. A removed chip's focus goes to the chip now in its place (or the
 * one before), and to `fallback` once none is left, never to the page's start.
 */
export function ActiveFilters({ filters, onClearAll, fallback }: { filters: ActiveFilter[]; onClearAll: () => void; fallback: RefObject<HTMLElement | null> }) {
  const list = useRef<HTMLDivElement>(null);
  // What was removed and where: focus moves once the URL has changed and those chips are gone.
  const [removed, setRemoved] = useState<{ keys: string[]; at: number } | null>(null);

  useEffect(() => {
    if (!removed || filters.some((f) => removed.keys.includes(f.key))) return;
    const chips = [...(list.current?.querySelectorAll<HTMLButtonElement>("li button") ?? [])];
    (chips[Math.min(removed.at, chips.length - 1)] ?? fallback.current)?.focus();
    setRemoved(null);
  }, [filters, removed, fallback]);

  if (filters.length === 0) return null;
  return (
    <div className="active-filters" ref={list}>
      <ul aria-label="Active filters">
        {filters.map((filter, i) => (
          <li key={filter.key}>
            <button
              type="button"
              className="chip"
              aria-label={`Remove filter: ${filter.label}`}
              onClick={() => {
                setRemoved({ keys: [filter.key], at: i });
                filter.remove();
              }}
            >
              {filter.label} <span aria-hidden="true">×</span>
            </button>
          </li>
        ))}
      </ul>
      {filters.length > 1 && (
        <button
          type="button"
          className="link-button"
          onClick={() => {
            setRemoved({ keys: filters.map((f) => f.key), at: 0 });
            onClearAll();
          }}
        >
          Clear all filters
        </button>
      )}
    </div>
  );
}
